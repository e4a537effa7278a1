package dev.gatehouse.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * {@code GET} requests with an API key, each signed afresh for {@code execute-api} by the AWS SDK
 * v2 signer, as a keyed IAM client sends them.
 */
final class SignedStoresCalls {

    private final AwsCredentialsIdentity identity;
    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();

    SignedStoresCalls(String accessKeyId, String secretAccessKey) {
        this.identity = AwsCredentialsIdentity.create(accessKeyId, secretAccessKey);
    }

    /** The status of a signed {@code GET url} with {@code x-api-key: apiKey}. */
    int get(String url, String apiKey) throws Exception {
        SdkHttpRequest unsigned =
                SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(URI.create(url)).build();
        var signed =
                AwsV4HttpSigner.create()
                        .sign(
                                r ->
                                        r.identity(identity)
                                                .request(unsigned)
                                                .payload(ContentStreamProvider.fromUtf8String(""))
                                                .putProperty(
                                                        AwsV4HttpSigner.SERVICE_SIGNING_NAME,
                                                        "execute-api")
                                                .putProperty(
                                                        AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url))
                        .GET()
                        .header("x-api-key", apiKey)
                        .timeout(Duration.ofSeconds(10));
        signed.request()
                .headers()
                .forEach(
                        (name, values) -> {
                            if (!name.equalsIgnoreCase("host")) {
                                values.forEach(value -> request.header(name, value));
                            }
                        });
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
