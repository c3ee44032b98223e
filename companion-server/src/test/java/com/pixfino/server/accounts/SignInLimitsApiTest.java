package com.pixfino.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.pixfino.server.limits.Allowance;
import com.pixfino.server.limits.Budget;
import com.pixfino.server.limits.RateLimitSettings;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Sign-in and registration under tight budgets: 429 with Retry-After, a lock-out that says nothing about the email. */
class SignInLimitsApiTest {

    private static final String PASSWORD = "correct-Horse-7";

    private static TestServer start(RateLimitSettings limits) {
        return TestServer.start(TestServer.freshConfig("limits").withLimits(limits));
    }

    @Test
    void aBurstOfFailedSignInsLocksTheEmailOutAndAnUnknownEmailIsAnsweredTheSame() {
        RateLimitSettings limits = RateLimitSettings.unlimited()
                .with(Budget.FAILED_LOGINS_PER_ACCOUNT, Allowance.of(5, Duration.ofMinutes(15)));
        ListAppender<ILoggingEvent> log = capture();
        try (TestServer server = start(limits)) {
            ApiClient anonymous = server.client();
            String known = "known-" + UUID.randomUUID() + "@example.com";
            assertThat(anonymous
                            .post("/api/v1/auth/register", Map.of("email", known, "password", PASSWORD))
                            .status())
                    .isEqualTo(201);
            String unknown = "nobody-" + UUID.randomUUID() + "@example.com";

            List<String> knownAnswers = burst(anonymous, known, 300);
            List<String> unknownAnswers = burst(anonymous, unknown, 300);

            assertThat(knownAnswers.subList(0, 5)).containsOnly("401 unauthorized");
            assertThat(knownAnswers.subList(5, 300)).containsOnly("429 locked_out");
            assertThat(unknownAnswers)
                    .as("an unknown email is answered exactly like a known one")
                    .isEqualTo(knownAnswers);

            Answer rightPassword = anonymous.post("/api/v1/auth/login", Map.of("email", known, "password", PASSWORD));
            assertThat(rightPassword.status())
                    .as("locked out even with the right password")
                    .isEqualTo(429);
            assertThat(Long.parseLong(rightPassword.header("Retry-After"))).isBetween(800L, 900L);
            assertThat(rightPassword.json().path("error").path("message").asText())
                    .startsWith("Too many failed sign-ins for this email.")
                    .contains("try again in");
            Answer fromUnknown = anonymous.post("/api/v1/auth/login", Map.of("email", unknown, "password", PASSWORD));
            assertThat(fromUnknown.json().path("error").path("message").asText())
                    .isEqualTo(
                            rightPassword.json().path("error").path("message").asText());
        } finally {
            release(log);
        }

        List<String> failures = log.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.startsWith("event=login_failed"))
                .toList();
        assertThat(failures)
                .hasSize(10)
                .allMatch(m -> m.matches("event=login_failed email_hash=[0-9a-f]{16} ip=127\\.0\\.0\\.1 reason=\\S+"));
        assertThat(log.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains(PASSWORD) || m.contains("wrong-Password") || m.contains("@example.com"));
    }

    @Test
    void oneAddressGetsItsSignInAndRegistrationBudgetsAndThenA429WithRetryAfter() {
        RateLimitSettings limits = RateLimitSettings.unlimited()
                .with(Budget.LOGIN_PER_IP, Allowance.of(4, Duration.ofHours(1)))
                .with(Budget.REGISTER_PER_IP, Allowance.of(3, Duration.ofHours(1)))
                .with(Budget.REGISTER_PER_ACCOUNT, Allowance.of(2, Duration.ofHours(1)));
        try (TestServer server = start(limits)) {
            ApiClient anonymous = server.client();
            String email = "ana-" + UUID.randomUUID() + "@example.com";
            Map<String, String> ana = Map.of("email", email, "password", PASSWORD);

            assertThat(anonymous.post("/api/v1/auth/register", ana).status()).isEqualTo(201);
            assertThat(anonymous.post("/api/v1/auth/register", ana).status()).isEqualTo(409);
            Answer sameEmail = anonymous.post("/api/v1/auth/register", ana);
            assertThat(sameEmail.status()).isEqualTo(429);
            assertThat(sameEmail.json().path("error").path("message").asText())
                    .startsWith("Too many attempts to register this email.");
            Answer anotherEmail = anonymous.post(
                    "/api/v1/auth/register",
                    Map.of("email", "bo-" + UUID.randomUUID() + "@example.com", "password", PASSWORD));
            assertThat(anotherEmail.status()).isEqualTo(429);
            assertThat(anotherEmail.errorCode()).isEqualTo("too_many_requests");
            assertThat(anotherEmail.json().path("error").path("message").asText())
                    .startsWith("Too many new accounts from this network.");
            assertThat(Long.parseLong(anotherEmail.header("Retry-After"))).isBetween(1L, 3600L);

            for (int i = 0; i < 4; i++) {
                assertThat(anonymous.post("/api/v1/auth/login", ana).status()).isEqualTo(200);
            }
            Answer fifth = anonymous.post("/api/v1/auth/login", ana);
            assertThat(fifth.status()).isEqualTo(429);
            assertThat(fifth.contentType()).startsWith("application/json");
            assertThat(fifth.json().path("error").path("message").asText())
                    .isEqualTo("Too many sign-in attempts from this network. Try again in 15 minutes.");
            assertThat(Long.parseLong(fifth.header("Retry-After")))
                    .as("one of 4 an hour comes back in 15 minutes")
                    .isBetween(850L, 900L);
        }
    }

    private static List<String> burst(ApiClient client, String email, int attempts) {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            Answer answer =
                    client.post("/api/v1/auth/login", Map.of("email", email, "password", "wrong-Password-" + i));
            answers.add(answer.status() + " " + answer.errorCode());
        }
        return answers;
    }

    private static ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(AccountService.class)).addAppender(appender);
        ((Logger) LoggerFactory.getLogger("com.pixfino.server.limits")).addAppender(appender);
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(AccountService.class)).detachAppender(appender);
        ((Logger) LoggerFactory.getLogger("com.pixfino.server.limits")).detachAppender(appender);
    }
}
