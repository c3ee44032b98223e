package com.pixfino.server.mail;

import java.util.Optional;

/**
 * One mail to send: a plain-text and an HTML body of the same words. {@code listUnsubscribe} (a one-click URL) is set
 * only on non-essential mail (digests, reminders); account mail such as verification and password reset has none.
 *
 * @param kind what the mail is, for logs and the outbox ({@code verify_email}, {@code password_reset}, ...)
 */
public record MailMessage(
        String kind, String to, String subject, String text, String html, Optional<String> listUnsubscribe) {

    /** Essential mail: no unsubscribe link. */
    public static MailMessage essential(String kind, String to, String subject, String text, String html) {
        return new MailMessage(kind, to, subject, text, html, Optional.empty());
    }
}
