package dev.gatehouse.identity;

import java.net.URI;
import java.net.URL;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** The real AWS SDK for Java v2 client, pointed at the application under test. */
public final class CognitoClients {

    private CognitoClients() {}

    /** A client for the public operations (unsigned; the credentials are never used). */
    public static CognitoIdentityProviderClient anonymous(URL url) {
        return signedAs(url, "AKIAIDENTITYTESTNONE", "IdentityServiceTestUnusedSecret000000000");
    }

    public static CognitoIdentityProviderClient signedAs(URL url, String accessKey, String secret) {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(URI.create(url.toString()))
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(accessKey, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
