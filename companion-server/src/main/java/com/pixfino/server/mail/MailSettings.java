package com.pixfino.server.mail;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Outgoing mail: the SMTP server (absent: each mail is written as an {@code .eml} file under the data directory
 * instead), the sender address, the public address links point to (absent: the address the request came to), the
 * retry schedule after the first try, the time one SMTP conversation may take and how often due mail is looked for.
 */
public record MailSettings(
        Optional<Smtp> smtp,
        String from,
        Optional<URI> publicUrl,
        List<Duration> retryDelays,
        Duration timeout,
        Duration pollInterval) {

    /** The sender when {@code PIXFINO_MAIL_FROM} is not set (allowed only without an SMTP server). */
    public static final String DEFAULT_FROM = "Pixfino <no-reply@localhost>";

    public MailSettings {
        retryDelays = List.copyOf(retryDelays);
    }

    /** An SMTP server; {@code user} absent means no authentication. */
    public record Smtp(String host, int port, Optional<String> user, Optional<String> password, boolean startTls) {
        @Override
        public String toString() {
            return "Smtp[host=" + host + ", port=" + port + ", user=" + user.orElse("-") + ", password=***, startTls="
                    + startTls + "]";
        }
    }

    /** No SMTP server (mail goes to files), about 30 s, 2 min, 10 min, 1 h, 6 h and 24 h between tries. */
    public static MailSettings defaults() {
        return new MailSettings(
                Optional.empty(),
                DEFAULT_FROM,
                Optional.empty(),
                List.of(
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(2),
                        Duration.ofMinutes(10),
                        Duration.ofHours(1),
                        Duration.ofHours(6),
                        Duration.ofHours(24)),
                Duration.ofSeconds(20),
                Duration.ofSeconds(1));
    }

    public MailSettings withSmtp(Optional<Smtp> other) {
        return new MailSettings(other, from, publicUrl, retryDelays, timeout, pollInterval);
    }

    public MailSettings withFrom(String other) {
        return new MailSettings(smtp, other, publicUrl, retryDelays, timeout, pollInterval);
    }

    public MailSettings withPublicUrl(Optional<URI> other) {
        return new MailSettings(smtp, from, other, retryDelays, timeout, pollInterval);
    }

    public MailSettings withRetries(List<Duration> delays, Duration attemptTimeout, Duration poll) {
        return new MailSettings(smtp, from, publicUrl, delays, attemptTimeout, poll);
    }
}
