package dev.gatehouse.identity.identitypool;

/**
 * The session policy Cognito attaches to enhanced-flow guest credentials,
 * AmazonCognitoUnAuthedIdentitiesSessionPolicy
 * (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonCognitoUnAuthedIdentitiesSessionPolicy.html):
 * an allow-list of mobile services with no {@code execute-api:Invoke}, so a guest cannot call an
 * IAM-protected API route whatever its role allows. The classic flow is not scoped down.
 */
final class GuestScopeDown {

    private GuestScopeDown() {}

    static final String POLICY =
            """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[
            "cognito-identity:*","cognito-sync:*","mobileanalytics:PutEvents","mobiletargeting:*",
            "firehose:PutRecord","firehose:PutRecordBatch","kinesis:PutRecord","kinesis:PutRecords",
            "kms:Decrypt","kms:Encrypt","kms:GenerateDataKey","lex:PostContent","lex:PostText",
            "lex:RecognizeText","lex:RecognizeUtterance","polly:SynthesizeSpeech",
            "comprehend:DetectSentiment","rekognition:DetectFaces","rekognition:DetectLabels",
            "rekognition:DetectText","sagemaker:InvokeEndpoint","translate:TranslateText",
            "dynamodb:GetItem","dynamodb:PutItem","dynamodb:Query","dynamodb:UpdateItem",
            "s3:GetObject","s3:PutObject","s3:DeleteObject","sns:CreatePlatformEndpoint",
            "sns:Publish","sqs:SendMessage","logs:CreateLogStream","logs:PutLogEvents",
            "mobiletargeting:UpdateEndpoint","mobiletargeting:PutEvents"],"Resource":"*"}]}
            """;
}
