package dev.gatehouse.auth.iam.signing;

import dev.gatehouse.auth.api.OutboundSigner;
import io.quarkus.logging.Log;
import java.net.URI;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs outgoing requests with the AWS SDK v2 SigV4 signer: the {@code host} is signed, the body
 * bytes are hashed as they will be sent, and a session token (temporary credentials) is added and
 * signed. Credentials come from the SDK's default provider chain unless configured; the chain
 * refreshes expiring credentials in the background, so signing never waits on the network after the
 * first resolution.
 */
public class AwsSdkSigner implements OutboundSigner {

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final AwsCredentialsProvider credentials;
    private final SigningConfig config;

    public AwsSdkSigner(SigningConfig config) {
        this.config = config;
        this.credentials =
                config.accessKeyId().isPresent() && config.secretAccessKey().isPresent()
                        ? StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(
                                        config.accessKeyId().get(), config.secretAccessKey().get()))
                        : DefaultCredentialsProvider.builder()
                                .asyncCredentialUpdateEnabled(true)
                                .build();
    }

    /** Resolves the credentials once, off the request path; failures surface on first use. */
    public void warmUp() {
        try {
            credentials.resolveCredentials();
        } catch (RuntimeException e) {
            Log.warnf("outbound signing: no AWS credentials yet (%s)", e.getMessage());
        }
    }

    @Override
    public Map<String, List<String>> sign(String method, URI uri, byte[] body) {
        AwsCredentialsIdentity identity = credentials.resolveCredentials();
        SdkHttpRequest request =
                SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri).build();
        SignedRequest signed =
                signer.sign(
                        r ->
                                r.identity(identity)
                                        .request(request)
                                        .payload(ContentStreamProvider.fromByteArray(body))
                                        .putProperty(
                                                AwsV4HttpSigner.SERVICE_SIGNING_NAME,
                                                config.service())
                                        .putProperty(AwsV4HttpSigner.REGION_NAME, config.region()));
        Map<String, List<String>> headers =
                new java.util.LinkedHashMap<>(signed.request().headers());
        // The HTTP client sets Host itself, to the same value the signer used.
        headers.keySet().removeIf(name -> name.equalsIgnoreCase("host"));
        return headers;
    }
}
