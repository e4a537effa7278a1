package dev.gatehouse.identity.identitypool;

import java.net.URI;
import java.net.URL;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;

/** The AWS SDK v2 identity pool client, pointed at the application under test. */
final class IdentityPoolClients {

    static final String POOL = "us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    static final String CLOSED_POOL = "us-east-1:11111111-2222-3333-4444-555555555555";

    private IdentityPoolClients() {}

    static CognitoIdentityClient anonymous(URL url) {
        return signedAs(url, AnonymousCredentialsProvider.create());
    }

    static CognitoIdentityClient signedAs(URL url, AwsCredentialsProvider credentials) {
        return CognitoIdentityClient.builder()
                .endpointOverride(URI.create(url.toString()))
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
