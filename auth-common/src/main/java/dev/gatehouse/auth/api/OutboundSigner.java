package dev.gatehouse.auth.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Signs this service's own outgoing calls with SigV4, as the AWS SDK does (configured by {@code
 * gatehouse.signing.*}: region, signing name, and credentials from the AWS SDK's default provider
 * chain unless fixed). Inject it where a call is not made by a REST client; a REST client registers
 * {@link SigV4ClientFilter} instead.
 */
public interface OutboundSigner {

    /**
     * The headers to add to the request: {@code Authorization}, {@code X-Amz-Date} and, for
     * temporary credentials, {@code X-Amz-Security-Token}. The body is hashed as given, so pass
     * exactly the bytes that will be sent.
     */
    Map<String, List<String>> sign(String method, URI uri, byte[] body);
}
