package com.pixfino.server.mail;

import static com.pixfino.server.db.jooq.Tables.MAIL_OUTBOX;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.pixfino.server.db.jooq.tables.records.MailOutboxRecord;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the {@link MailOutbox}: a db-scheduler task claims one due mail at a time (leased, so a server that dies
 * mid-send leaves it to be tried again), sends it over SMTP with a plain-text and an HTML part, and on failure tries
 * again at the configured offsets after the first try before giving up. Without an SMTP server each mail is written
 * as an {@code .eml} file under {@code <data dir>/mail-outbox/} and the log says where. Logs never hold the address,
 * the bodies (they may carry a link with a token) or the SMTP password.
 */
public final class MailSender {

    private static final Logger log = LoggerFactory.getLogger(MailSender.class);
    static final String TASK = "mail-outbox";
    /** At most this many mails per run, so one run of the task never holds its worker for long. */
    private static final int PER_RUN = 20;

    private final DSLContext dsl;
    private final MailSettings settings;
    private final Path fileOutbox;
    private final Clock clock;
    private final Session session;

    public MailSender(DSLContext dsl, MailSettings settings, Path dataDir, Clock clock) {
        this.dsl = dsl;
        this.settings = settings;
        this.fileOutbox = dataDir.resolve("mail-outbox");
        this.clock = clock;
        this.session = Session.getInstance(properties(settings));
    }

    public RecurringTask<Void> task() {
        return Tasks.recurring(TASK, FixedDelay.of(settings.pollInterval())).execute((instance, context) -> sendDue());
    }

    /** Sends (or writes) the mail that is due; answers how many were tried. */
    public int sendDue() {
        int tried = 0;
        MailOutboxRecord mail;
        while (tried < PER_RUN && (mail = claim()) != null) {
            tried++;
            attempt(mail);
        }
        return tried;
    }

    /** Where mail goes without an SMTP server. */
    public Path fileOutbox() {
        return fileOutbox;
    }

    private MailOutboxRecord claim() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime lease = now.plus(settings.timeout().multipliedBy(3)).plusSeconds(5);
        return dsl.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, lease)
                .where(MAIL_OUTBOX.ID.in(DSL.select(MAIL_OUTBOX.ID)
                        .from(MAIL_OUTBOX)
                        .where(MAIL_OUTBOX.STATE.eq(MailOutbox.PENDING))
                        .and(MAIL_OUTBOX.NEXT_ATTEMPT_AT.le(now))
                        .orderBy(MAIL_OUTBOX.NEXT_ATTEMPT_AT)
                        .limit(1)
                        .forUpdate()
                        .skipLocked()))
                .returning()
                .fetchOne();
    }

    private void attempt(MailOutboxRecord mail) {
        int attempt = mail.getAttempts() + 1;
        String error;
        try {
            MimeMessage message = message(mail);
            if (settings.smtp().isPresent()) {
                send(message, settings.smtp().get());
                log.info(
                        "event=mail_sent mail={} kind={} user={} attempt={}",
                        mail.getId(),
                        mail.getKind(),
                        mail.getUserId(),
                        attempt);
            } else {
                Path file = write(mail, message);
                log.info(
                        "event=mail_written_to_file mail={} kind={} user={} path={} reason=no_smtp_host",
                        mail.getId(),
                        mail.getKind(),
                        mail.getUserId(),
                        file);
            }
            finish(mail, attempt, "SENT", null);
            return;
        } catch (MessagingException | IOException | RuntimeException e) {
            // the class only: an SMTP server's reply may quote the address
            error = e.getClass().getSimpleName();
        }
        List<Duration> delays = settings.retryDelays();
        if (attempt > delays.size()) {
            log.warn(
                    "event=mail_failed mail={} kind={} user={} attempts={} error={}",
                    mail.getId(),
                    mail.getKind(),
                    mail.getUserId(),
                    attempt,
                    error);
            finish(mail, attempt, "FAILED", error);
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime next = mail.getCreatedAt().plus(delays.get(attempt - 1));
        log.warn(
                "event=mail_retry mail={} kind={} user={} attempt={} error={} next_attempt_at={}",
                mail.getId(),
                mail.getKind(),
                mail.getUserId(),
                attempt,
                error,
                next);
        dsl.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.ATTEMPTS, attempt)
                .set(MAIL_OUTBOX.LAST_ERROR, error)
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, next.isAfter(now) ? next : now)
                .where(MAIL_OUTBOX.ID.eq(mail.getId()))
                .execute();
    }

    // the bodies may hold a link with a token: they are not kept once the mail is out or given up
    private void finish(MailOutboxRecord mail, int attempt, String state, String error) {
        dsl.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.ATTEMPTS, attempt)
                .set(MAIL_OUTBOX.STATE, state)
                .set(MAIL_OUTBOX.LAST_ERROR, error)
                .set(MAIL_OUTBOX.TEXT_BODY, "")
                .set(MAIL_OUTBOX.HTML_BODY, "")
                .set(MAIL_OUTBOX.SENT_AT, "SENT".equals(state) ? OffsetDateTime.now(clock) : null)
                .where(MAIL_OUTBOX.ID.eq(mail.getId()))
                .execute();
    }

    private MimeMessage message(MailOutboxRecord mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.from(), true));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.getRecipient(), true));
        message.setSubject(mail.getSubject(), "UTF-8");
        message.setSentDate(Date.from(mail.getCreatedAt().toInstant()));
        if (mail.getListUnsubscribe() != null) {
            // RFC 8058 one-click: mail clients POST to the link without asking the user to sign in
            message.setHeader("List-Unsubscribe", "<" + mail.getListUnsubscribe() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.getTextBody(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.getHtmlBody(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    private void send(MimeMessage message, MailSettings.Smtp smtp) throws MessagingException {
        if (smtp.user().isPresent()) {
            Transport.send(message, smtp.user().get(), smtp.password().orElse(""));
        } else {
            Transport.send(message);
        }
    }

    private Path write(MailOutboxRecord mail, MimeMessage message) throws IOException, MessagingException {
        Files.createDirectories(fileOutbox);
        String stamp = mail.getCreatedAt().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path file = fileOutbox.resolve(stamp + "-" + mail.getKind() + "-" + mail.getId() + ".eml");
        Path temp = fileOutbox.resolve(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            message.writeTo(out);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    private static Properties properties(MailSettings settings) {
        Properties props = new Properties();
        String timeout = Long.toString(settings.timeout().toMillis());
        settings.smtp().ifPresent(smtp -> {
            props.put("mail.transport.protocol", "smtp");
            props.put("mail.smtp.host", smtp.host());
            props.put("mail.smtp.port", Integer.toString(smtp.port()));
            props.put("mail.smtp.auth", Boolean.toString(smtp.user().isPresent()));
            props.put("mail.smtp.starttls.enable", Boolean.toString(smtp.startTls()));
            props.put("mail.smtp.starttls.required", Boolean.toString(smtp.startTls()));
        });
        props.put("mail.smtp.connectiontimeout", timeout);
        props.put("mail.smtp.timeout", timeout);
        props.put("mail.smtp.writetimeout", timeout);
        return props;
    }
}
