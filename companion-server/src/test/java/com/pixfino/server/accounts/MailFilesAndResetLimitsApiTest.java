package com.pixfino.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.AuthResponse;
import com.pixfino.model.api.UserView;
import com.pixfino.server.limits.Allowance;
import com.pixfino.server.limits.Budget;
import com.pixfino.server.limits.RateLimitSettings;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.ReceivedMail;
import com.pixfino.server.testsupport.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Without an SMTP server mail becomes .eml files under the data directory; reset requests are limited per network. */
class MailFilesAndResetLimitsApiTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.freshConfig("mail-files")
                .withLimits(RateLimitSettings.unlimited()
                        .with(Budget.PASSWORD_RESET_PER_IP, Allowance.of(4, Duration.ofHours(1)))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void withoutAnSmtpServerEachMailIsAnEmlFileTheLogPointsAtWithoutItsLink() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(log);
        String email = "files-" + UUID.randomUUID() + "@example.com";
        ReceivedMail verification;
        try {
            Answer registered = server.client()
                    .post(
                            ApiPaths.REGISTER,
                            Map.of("email", email, "password", "correct-Horse-7", "name", "File <Reader>"));
            assertThat(registered.status()).isEqualTo(201);
            verification = await("the .eml file")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> mailsTo(email), mails -> !mails.isEmpty())
                    .get(0);
            await("the log line")
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> log.list.stream().anyMatch(e -> isVerificationWritten(e.getFormattedMessage())));
        } finally {
            root.detachAppender(log);
        }
        assertThat(verification.subject()).isEqualTo("Confirm your email address for Pixfino");
        assertThat(verification.contentType()).startsWith("multipart/alternative");
        assertThat(verification.text()).contains("Hello File <Reader>,");
        assertThat(verification.html()).contains("Hello File &lt;Reader&gt;,").doesNotContain("<Reader>");
        String link = verification.link(ApiPaths.VERIFY_EMAIL_PAGE);
        String token = verification.token(ApiPaths.VERIFY_EMAIL_PAGE);
        String written = log.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                // the other test's mails may still be written while this one runs: this mail's line
                .filter(MailFilesAndResetLimitsApiTest::isVerificationWritten)
                .findFirst()
                .orElseThrow();
        assertThat(written).contains("kind=verify_email", "path=" + outbox());
        assertThat(log.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains(token) || m.contains(email) || m.contains("correct-Horse-7"));

        ApiClient user = server.client().login(email, "correct-Horse-7");
        assertThat(server.client().get(server.pathOf(link)).status()).isEqualTo(200);
        assertThat(user.get(ApiPaths.ME).as(UserView.class).emailVerified()).isTrue();
    }

    @Test
    void aFloodOfResetRequestsFromOneNetworkGetsA429WithRetryAfter() {
        String known = "flood-" + UUID.randomUUID() + "@example.com";
        server.client()
                .post(ApiPaths.REGISTER, Map.of("email", known, "password", "correct-Horse-7"))
                .as(AuthResponse.class);
        for (int i = 0; i < 4; i++) {
            String email = i % 2 == 0 ? known : "nobody-" + i + "@example.com";
            assertThat(server.client()
                            .post(ApiPaths.PASSWORD_RESET, Map.of("email", email))
                            .status())
                    .isEqualTo(202);
        }
        Answer refused = server.client().post(ApiPaths.PASSWORD_RESET, Map.of("email", known));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.errorCode()).isEqualTo("too_many_requests");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(refused.json().path("error").path("message").asText())
                .startsWith("Too many password reset requests from this network.");
    }

    private static Path outbox() {
        return server.config().dataDir().resolve("mail-outbox");
    }

    private static List<ReceivedMail> mailsTo(String email) {
        if (!Files.isDirectory(outbox())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".eml"))
                    .map(ReceivedMail::read)
                    .filter(m -> m.to().equals(email))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isVerificationWritten(String message) {
        return message.startsWith("event=mail_written_to_file") && message.contains("kind=verify_email");
    }
}
