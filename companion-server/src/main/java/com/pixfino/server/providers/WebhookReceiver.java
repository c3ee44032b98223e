package com.pixfino.server.providers;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Checks a provider's signed webhook call and names the provider job it is about. */
public interface WebhookReceiver {

    /** Signatures older or newer than this are refused, so a captured call cannot be replayed later. */
    Duration TOLERANCE = Duration.ofSeconds(300);

    /**
     * Verifies the signature over the raw body.
     *
     * @param headers the request headers, names in lower case
     * @return the provider's own id of the job (Replicate prediction id, fal request id)
     * @throws WebhookRejectedException when the signature is missing, wrong or stale
     */
    String verify(Map<String, String> headers, byte[] body);

    /**
     * Refuses a signed timestamp (whole seconds since the epoch, from the header {@code headerName}) that is not a
     * number or is more than {@link #TOLERANCE} away from now.
     */
    static void checkFresh(String timestamp, String headerName, Clock clock) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new WebhookRejectedException(
                    "invalid_signature", "The " + headerName + " is not a number of seconds.");
        }
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            throw new WebhookRejectedException(
                    "stale_webhook",
                    "The webhook timestamp is more than " + TOLERANCE.toSeconds() + " s away from now.");
        }
    }
}
