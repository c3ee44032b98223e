package com.pixfino.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixfino.server.mail.MailSettings;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The mail settings: files without an SMTP host; with one, a sender is required and the password never printed. */
class MailEnvironmentTest {

    @Test
    void withoutAnSmtpHostMailGoesToFiles() {
        MailSettings mail = new ConfigLoader(Map.of()).load().mail();
        assertThat(mail.smtp()).isEmpty();
        assertThat(mail.from()).isEqualTo(MailSettings.DEFAULT_FROM);
        assertThat(mail.publicUrl()).isEmpty();
    }

    @Test
    void anSmtpServerIsReadWithItsSenderAndThePublicUrlForLinks() {
        MailSettings mail = new ConfigLoader(Map.of(
                        "PIXFINO_SMTP_HOST", "smtp.example.com",
                        "PIXFINO_SMTP_USER", "mailer",
                        "PIXFINO_SMTP_PASSWORD", "s3cret-pass",
                        "PIXFINO_MAIL_FROM", "Pixfino <no-reply@example.com>",
                        "PIXFINO_PUBLIC_URL", "https://pixfino.example.com/"))
                .load()
                .mail();
        assertThat(mail.smtp())
                .contains(new MailSettings.Smtp(
                        "smtp.example.com", 587, Optional.of("mailer"), Optional.of("s3cret-pass"), true));
        assertThat(mail.smtp().orElseThrow().toString()).doesNotContain("s3cret-pass");
        assertThat(mail.from()).isEqualTo("Pixfino <no-reply@example.com>");
        assertThat(mail.publicUrl()).contains(URI.create("https://pixfino.example.com"));
        assertThat(new ConfigLoader(Map.of(
                                "PIXFINO_SMTP_HOST", "localhost",
                                "PIXFINO_SMTP_PORT", "2525",
                                "PIXFINO_SMTP_STARTTLS", "false",
                                "PIXFINO_MAIL_FROM", "a@example.com"))
                        .load()
                        .mail()
                        .smtp())
                .contains(new MailSettings.Smtp("localhost", 2525, Optional.empty(), Optional.empty(), false));
    }

    @Test
    void unusableMailSettingsAreRefusedWithASentenceNamingThem() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("PIXFINO_SMTP_HOST", "smtp.example.com")).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("PIXFINO_MAIL_FROM is not set");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("PIXFINO_MAIL_FROM", "not an address")).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("PIXFINO_MAIL_FROM must be an address");
        assertThatThrownBy(() -> new ConfigLoader(Map.of(
                                "PIXFINO_SMTP_HOST", "smtp.example.com",
                                "PIXFINO_MAIL_FROM", "a@example.com",
                                "PIXFINO_SMTP_USER", "mailer"))
                        .load())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("PIXFINO_SMTP_USER and PIXFINO_SMTP_PASSWORD go together");
        assertThatThrownBy(() -> new ConfigLoader(Map.of(
                                "PIXFINO_SMTP_HOST", "smtp.example.com",
                                "PIXFINO_MAIL_FROM", "a@example.com",
                                "PIXFINO_SMTP_PORT", "0"))
                        .load())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("PIXFINO_SMTP_PORT must be between 1 and 65535");
    }
}
