package dev.gatehouse.auth.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Renders errors the way API Gateway renders its gateway responses: a compact {@code
 * {"message":"..."}} body, {@code Content-Type: application/json} and {@code x-amzn-ErrorType}.
 * ({@code x-amzn-RequestId} is added to every response by {@code RequestIdFilter}.)
 */
public final class GatewayResponses {

    /** Header naming the error type, as API Gateway sends it. */
    public static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";

    private GatewayResponses() {}

    /** The gateway response of {@code type} with its default message. */
    public static Response of(GatewayResponseType type) {
        return of(type, type.defaultMessage());
    }

    /** The gateway response of {@code type} with a specific message. */
    public static Response of(GatewayResponseType type, String message) {
        return error(type.status(), type.errorType(), message);
    }

    /** A resource-level error ("Store not found") in the same envelope. */
    public static Response error(int status, String errorType, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(ERROR_TYPE_HEADER, errorType)
                .entity(messageBody(message))
                .build();
    }

    /**
     * An IAM or resource-policy deny: 403 {@code AccessDeniedException} with the key {@code
     * Message} (capital M), as API Gateway writes these particular bodies.
     */
    public static Response accessDenied(String message) {
        return Response.status(403)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(ERROR_TYPE_HEADER, "AccessDeniedException")
                .entity(messageBody("Message", message))
                .build();
    }

    /** {@code {"message":"..."}} with no whitespace, the message escaped as a JSON string. */
    public static String messageBody(String message) {
        return messageBody("message", message);
    }

    /** {@code {"<key>":"..."}} with no whitespace, the message escaped as a JSON string. */
    public static String messageBody(String key, String message) {
        StringBuilder json =
                new StringBuilder(message.length() + 16).append("{\"").append(key).append("\":\"");
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append("\"}").toString();
    }
}
