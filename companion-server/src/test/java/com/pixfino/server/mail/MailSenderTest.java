package com.pixfino.server.mail;

import static com.pixfino.server.db.jooq.Tables.MAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.server.db.jooq.tables.records.MailOutboxRecord;
import com.pixfino.server.testsupport.MailServer;
import com.pixfino.server.testsupport.MovableClock;
import com.pixfino.server.testsupport.ReceivedMail;
import com.pixfino.server.testsupport.TestDatabases;
import com.pixfino.server.testsupport.TestServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The outbox's sender on its own: headers and parts of what it writes, and its backoff until it gives up. */
class MailSenderTest {

    @AutoClose
    private static final TestServices graph = TestServices.fresh(queue -> TestServices.idleQueue());

    private final MovableClock clock = new MovableClock(Instant.now());
    private final MailOutbox outbox = new MailOutbox(clock);

    @Test
    void onlyNonEssentialMailCarriesTheOneClickUnsubscribeHeaders() throws IOException {
        Path dataDir = TestDatabases.TestDirs.fresh("mail-sender");
        MailSender sender = new MailSender(dsl(), MailSettings.defaults(), dataDir, clock);
        String to = "reader-" + UUID.randomUUID() + "@example.com";
        outbox.queue(
                dsl(),
                null,
                MailMessage.essential("verify_email", to, "Grüße aus Pixfino", "Hallo ✓", "<p>Hallo ✓</p>"));
        outbox.queue(
                dsl(),
                null,
                new MailMessage(
                        "weekly_digest",
                        to,
                        "New styles this week",
                        "text",
                        "<p>html</p>",
                        Optional.of("https://pixfino.example/unsubscribe?token=abc")));

        sender.sendDue();

        List<ReceivedMail> mails = written(sender.fileOutbox(), to);
        assertThat(mails).hasSize(2);
        ReceivedMail essential = mails.stream()
                .filter(m -> m.subject().startsWith("Grüße"))
                .findFirst()
                .orElseThrow();
        assertThat(essential.text()).isEqualTo("Hallo ✓");
        assertThat(essential.html()).isEqualTo("<p>Hallo ✓</p>");
        assertThat(essential.header("List-Unsubscribe")).isNull();
        assertThat(essential.header("List-Unsubscribe-Post")).isNull();
        assertThat(essential.from()).contains("no-reply@localhost");
        ReceivedMail digest = mails.stream()
                .filter(m -> m.subject().startsWith("New styles"))
                .findFirst()
                .orElseThrow();
        assertThat(digest.header("List-Unsubscribe")).isEqualTo("<https://pixfino.example/unsubscribe?token=abc>");
        assertThat(digest.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
    }

    @Test
    void aMailThatCannotBeSentIsTriedAgainAtEachOffsetThenGivenUp() {
        MailServer nobody = MailServer.onFreePort(); // never started: every connection is refused
        MailSettings settings = MailSettings.defaults()
                .withSmtp(Optional.of(nobody.smtp()))
                .withRetries(
                        List.of(Duration.ofMinutes(1), Duration.ofMinutes(5)),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(1));
        MailSender sender = new MailSender(dsl(), settings, TestDatabases.TestDirs.fresh("mail-sender"), clock);
        UUID id = outbox.queue(
                dsl(), null, MailMessage.essential("verify_email", "late@example.com", "Subject", "text", "<p>h</p>"));

        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(row(id).getAttempts()).isEqualTo(1);
        assertThat(row(id).getLastError()).isEqualTo("MailConnectException");
        assertThat(row(id).getState()).isEqualTo("PENDING");
        assertThat(sender.sendDue()).as("not due before its offset").isZero();

        clock.advance(Duration.ofMinutes(1));
        assertThat(sender.sendDue()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(3));
        assertThat(sender.sendDue())
                .as("the second offset counts from the first try")
                .isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(sender.sendDue()).isEqualTo(1);

        MailOutboxRecord given = row(id);
        assertThat(given.getState()).isEqualTo("FAILED");
        assertThat(given.getAttempts()).isEqualTo(3);
        assertThat(given.getTextBody()).isEmpty();
        assertThat(given.getHtmlBody()).isEmpty();
    }

    private static MailOutboxRecord row(UUID id) {
        return dsl().selectFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.ID.eq(id)).fetchOne();
    }

    private static List<ReceivedMail> written(Path dir, String to) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".eml"))
                    .map(ReceivedMail::read)
                    .filter(m -> m.to().equals(to))
                    .toList();
        }
    }

    private static DSLContext dsl() {
        return graph.database().dsl();
    }
}
