package dev.gatehouse.identity.sts;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** One STS call: the action named by the form, its XML result or STS's XML error. */
@ApplicationScoped
public class StsService {

    /** The rendered answer. */
    public record Reply(int status, String xml) {}

    private final StsOperations operations;
    private final StsAdmission quotas;

    StsService(StsOperations operations, StsAdmission quotas) {
        this.operations = operations;
        this.quotas = quotas;
    }

    public Reply handle(byte[] body, HttpServerRequest http) {
        String requestId = UUID.randomUUID().toString();
        try {
            QueryRequest request = QueryRequest.parse(body);
            String action = request.optional("Action").orElse("");
            if (!"2011-06-15".equals(request.optional("Version").orElse("2011-06-15"))) {
                throw new StsException(
                        "InvalidAction",
                        "Could not find operation "
                                + action
                                + " for version "
                                + request.optional("Version").get(),
                        400);
            }
            if (!quotas.admitSts()) {
                throw StsErrors.throttling();
            }
            String members = operations.perform(action, request, http, body);
            return new Reply(200, StsXml.result(action, members, requestId));
        } catch (StsException e) {
            Log.debugf("STS: %s %s", e.code(), e.getMessage());
            return new Reply(e.status(), StsXml.error(e, requestId));
        } catch (RuntimeException e) {
            Log.error("unexpected failure serving STS", e);
            return new Reply(500, StsXml.error(StsErrors.internal(), requestId));
        }
    }
}
