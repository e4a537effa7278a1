package dev.gatehouse.stores.controlplane;

import java.net.URI;
import java.net.URL;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/** Real API Gateway SDK clients, unmodified but for the endpoint, as the test principals. */
final class ControlPlaneClients {

    static final String OPERATOR_ID = "AKIASTORESOPERATORAA";
    static final String OPERATOR_SECRET = "StoresServiceTestOperatorSecret000000000";
    static final String AUDITOR_ID = "AKIASTORESAUDITORAAA";
    static final String AUDITOR_SECRET = "StoresServiceTestAuditorSecret0000000000";

    private ControlPlaneClients() {}

    static String root(URL management) {
        return management.getProtocol() + "://" + management.getHost() + ":" + management.getPort();
    }

    static ApiGatewayClient client(URL management, String id, String secret) {
        return ApiGatewayClient.builder()
                .endpointOverride(URI.create(root(management)))
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(id, secret)))
                .overrideConfiguration(
                        c ->
                                c.retryStrategy(RetryMode.STANDARD)
                                        .retryStrategy(b -> b.maxAttempts(1)))
                .httpClient(ApacheHttpClient.create())
                .build();
    }

    static ApiGatewayClient operator(URL management) {
        return client(management, OPERATOR_ID, OPERATOR_SECRET);
    }

    static ApiGatewayClient auditor(URL management) {
        return client(management, AUDITOR_ID, AUDITOR_SECRET);
    }
}
