package dev.gatehouse.fanout.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import java.util.regex.Pattern;

/**
 * Mails an order receipt (SMTP, reactive mailer) to the address the event names. An event without a
 * usable address is a permanent failure: no retry would find one.
 */
final class EmailChannel implements Channel {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+");

    private final ReactiveMailer mailer;
    private final ObjectMapper json;
    private final String recipientPointer;
    private final String subject;

    EmailChannel(
            ReactiveMailer mailer, ObjectMapper json, String recipientPointer, String subject) {
        this.mailer = mailer;
        this.json = json;
        this.recipientPointer = recipientPointer;
        this.subject = subject;
    }

    @Override
    public Uni<Void> deliver(Delivery delivery) {
        JsonNode event;
        try {
            event = json.readTree(delivery.event());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(DeliveryFailure.permanent("the event is not JSON"));
        }
        String to = event.at(recipientPointer).asText("");
        if (to.length() > 254 || !ADDRESS.matcher(to).matches()) {
            return Uni.createFrom()
                    .failure(
                            DeliveryFailure.permanent(
                                    "no email address at " + recipientPointer + " in the event"));
        }
        Mail mail =
                Mail.withText(to, subject, ReceiptMail.text(event))
                        .addHeader(WebhookChannel.IDEMPOTENCY_KEY, delivery.idempotencyKey());
        return mailer.send(mail).onFailure().transform(DeliveryFailure::of);
    }
}
