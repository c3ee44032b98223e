package com.pixfino.server.config;

import com.pixfino.server.mail.MailSettings;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Map;
import java.util.Optional;

/**
 * Outgoing mail: {@code PIXFINO_SMTP_HOST} (unset: mail is written to files), {@code _PORT} (587), {@code _USER},
 * {@code _PASSWORD}, {@code _STARTTLS} (true), {@code PIXFINO_MAIL_FROM} (required with a host) and
 * {@code PIXFINO_PUBLIC_URL} for links.
 */
final class MailEnvironment {

    private final EnvironmentValues values;

    MailEnvironment(Map<String, String> env) {
        this.values = new EnvironmentValues(env);
    }

    MailSettings mail() {
        MailSettings defaults = MailSettings.defaults();
        Optional<String> host = values.text("PIXFINO_SMTP_HOST");
        Optional<String> from = values.text("PIXFINO_MAIL_FROM");
        if (host.isPresent() && from.isEmpty()) {
            throw new ConfigException("PIXFINO_MAIL_FROM is not set: with PIXFINO_SMTP_HOST set, mail needs a sender"
                    + " address the SMTP server accepts, like Pixfino <no-reply@example.com>.");
        }
        from.ifPresent(MailEnvironment::checkAddress);
        Optional<String> user = values.text("PIXFINO_SMTP_USER");
        Optional<String> password = values.text("PIXFINO_SMTP_PASSWORD");
        if (user.isPresent() != password.isPresent()) {
            throw new ConfigException("PIXFINO_SMTP_USER and PIXFINO_SMTP_PASSWORD go together: set both or neither.");
        }
        Optional<MailSettings.Smtp> smtp = host.map(h -> new MailSettings.Smtp(
                h,
                values.seconds("PIXFINO_SMTP_PORT", 587, 1, 65535),
                user,
                password,
                values.flag("PIXFINO_SMTP_STARTTLS", true)));
        return defaults.withSmtp(smtp)
                .withFrom(from.orElse(MailSettings.DEFAULT_FROM))
                .withPublicUrl(values.url("PIXFINO_PUBLIC_URL"));
    }

    private static void checkAddress(String from) {
        try {
            new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new ConfigException(
                    "PIXFINO_MAIL_FROM must be an address like Pixfino <no-reply@example.com>, not '" + from + "'.");
        }
    }
}
