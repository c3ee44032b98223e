package com.pixfino.server.accounts;

import static com.pixfino.server.db.jooq.Tables.MAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.UserView;
import com.pixfino.server.limits.Allowance;
import com.pixfino.server.limits.Budget;
import com.pixfino.server.limits.RateLimitSettings;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.MailServer;
import com.pixfino.server.testsupport.ReceivedMail;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Email verification, forgot and change password against a real server that sends through an in-process SMTP
 * server: each test reads the real messages (subject, both parts, the link) and follows the link as a user would.
 */
class AccountMailApiTest {

    private static final String PASSWORD = "correct-Horse-7";
    private static final String NEW_PASSWORD = "Blue-Harbour-93";

    private static MailServer mail;
    private static TestServer server;

    @BeforeAll
    static void start() {
        mail = MailServer.onFreePort().start();
        server = TestServer.start(TestServer.freshConfig("mail")
                .withMail(mail.settings())
                .withLimits(RateLimitSettings.unlimited()
                        .with(Budget.VERIFY_EMAIL_RESEND_PER_ACCOUNT, Allowance.of(3, Duration.ofHours(1)))
                        .with(Budget.PASSWORD_RESET_MAILS_PER_ACCOUNT, Allowance.of(3, Duration.ofHours(1)))));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        mail.close();
    }

    @Test
    void signUpMailsALinkThatVerifiesTheAddressOnOpenAndOnlyOnce() {
        String email = newEmail();
        ApiClient user = register(email);
        assertThat(me(user).emailVerified()).isFalse();

        ReceivedMail verification = mail.await(email, 1).get(0);
        assertThat(verification.subject()).isEqualTo("Confirm your email address for Pixfino");
        assertThat(verification.contentType()).startsWith("multipart/alternative");
        assertThat(verification.from()).contains("no-reply@pixfino.test");
        String link = verification.link(ApiPaths.VERIFY_EMAIL_PAGE);
        assertThat(link).startsWith(server.baseUrl() + "/verify-email?token=");
        assertThat(verification.text()).contains("Test User").contains("48 hours");
        assertThat(verification.html()).contains("href=\"" + link + "\"").contains("Confirm my email address");
        assertThat(verification.header("List-Unsubscribe")).as("essential mail").isNull();

        Answer opened = server.client().get(server.pathOf(link));
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.contentType()).startsWith("text/html");
        assertThat(opened.body()).contains("your email address is confirmed");
        assertThat(me(user).emailVerified()).isTrue();

        Answer again = server.client().get(server.pathOf(link));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.contentType()).startsWith("text/html");
        assertThat(again.body()).contains("used already").doesNotContain("Exception");
        for (String bad :
                List.of("/verify-email?token=nonsense", "/verify-email", "/verify-email?token=%3Cscript%3E")) {
            Answer refused = server.client().get(bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.body())
                    .as(bad)
                    .contains("This link does not work")
                    .doesNotContain("<script>");
        }
    }

    @Test
    void anUnverifiedAccountSpendsItsFreeCreditsButCreatesNoApiKeyUntilVerified() {
        String email = newEmail();
        ApiClient user = register(email);
        Studio studio = new Studio(server);
        Answer generation = Studio.create(user, studio.presetId("linkedin-headshot"), Studio.upload(user), null, null);
        assertThat(generation.status()).as(generation.body()).isEqualTo(202);

        Answer refused = user.post(ApiPaths.API_KEYS, Map.of("name", "script", "scopes", List.of("read")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("email_unverified");
        assertThat(refused.json().path("error").path("message").asText())
                .startsWith("Creating an API key needs a verified email address.");

        server.client().get(server.pathOf(mail.await(email, 1).get(0).link(ApiPaths.VERIFY_EMAIL_PAGE)));
        assertThat(user.post(ApiPaths.API_KEYS, Map.of("name", "script", "scopes", List.of("read")))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aNewVerificationLinkCanBeAskedForThreeTimesAnHourAndNotOnceVerified() {
        String email = newEmail();
        ApiClient user = register(email);
        for (int i = 0; i < 3; i++) {
            Answer resent = user.post(ApiPaths.VERIFY_EMAIL_RESEND, Map.of());
            assertThat(resent.status()).isEqualTo(202);
            assertThat(resent.json().path("message").asText()).contains("on its way");
        }
        Answer fourth = user.post(ApiPaths.VERIFY_EMAIL_RESEND, Map.of());
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.errorCode()).isEqualTo("too_many_requests");
        assertThat(Long.parseLong(fourth.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(fourth.json().path("error").path("message").asText()).contains("sent several times");
        assertThat(server.client().post(ApiPaths.VERIFY_EMAIL_RESEND, Map.of()).status())
                .as("signed in only")
                .isEqualTo(401);

        List<ReceivedMail> mails = mail.await(email, 4);
        assertThat(mails).hasSize(4);
        // any of the links works; the first one used verifies the address
        server.client().get(server.pathOf(mails.get(1).link(ApiPaths.VERIFY_EMAIL_PAGE)));
        assertThat(me(user).emailVerified()).isTrue();
        Answer verified = user.post(ApiPaths.VERIFY_EMAIL_RESEND, Map.of());
        assertThat(verified.status()).isEqualTo(409);
        assertThat(verified.errorCode()).isEqualTo("already_verified");
    }

    @Test
    void aResetRequestAnswersAlikeWhetherOrNotTheAddressHasAnAccount() {
        String email = newEmail();
        register(email);
        String stranger = newEmail();

        Answer known = server.client().post(ApiPaths.PASSWORD_RESET, Map.of("email", email.toUpperCase()));
        Answer unknown = server.client().post(ApiPaths.PASSWORD_RESET, Map.of("email", stranger));

        assertThat(known.status()).isEqualTo(202);
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(known.body());
        assertThat(unknown.contentType()).isEqualTo(known.contentType());
        ReceivedMail reset = mail.await(email, 2).get(1);
        assertThat(reset.subject()).isEqualTo("Reset your Pixfino password");
        assertThat(reset.text()).contains("30 minutes");
        assertThat(reset.html()).contains(reset.link(ApiPaths.RESET_PASSWORD_PAGE));
        assertThat(mail.to(stranger))
                .as("nothing for an address without an account")
                .isEmpty();

        Answer notAnEmail = server.client().post(ApiPaths.PASSWORD_RESET, Map.of("email", "nobody"));
        assertThat(notAnEmail.status()).isEqualTo(400);
        assertThat(notAnEmail.errorCode()).isEqualTo("invalid_email");
        assertThat(server.client()
                        .post(ApiPaths.PASSWORD_RESET, Map.of("email", email, "extra", 1))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void beyondThreeResetMailsAnHourForAnAddressNoMoreAreSentButTheAnswerStaysTheSame() {
        String email = newEmail();
        register(email);
        Answer first = server.client().post(ApiPaths.PASSWORD_RESET, Map.of("email", email));
        for (int i = 0; i < 4; i++) {
            Answer next = server.client().post(ApiPaths.PASSWORD_RESET, Map.of("email", email));
            assertThat(next.status()).isEqualTo(202);
            assertThat(next.body()).isEqualTo(first.body());
        }
        mail.await(email, 4);
        await("no fifth mail")
                .during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> mail.to(email).size() == 4);
        assertThat(mail.to(email))
                .extracting(ReceivedMail::subject)
                .containsExactly(
                        "Confirm your email address for Pixfino",
                        "Reset your Pixfino password",
                        "Reset your Pixfino password",
                        "Reset your Pixfino password");
    }

    @Test
    void aResetLinkSetsANewPasswordOnceSignsOutEverySessionAndSendsANotice() {
        String email = newEmail();
        ApiClient first = register(email);
        ApiClient second = server.client().login(email, PASSWORD);
        // both sessions are remembered by the server's token cache now
        assertThat(first.get(ApiPaths.ME).status()).isEqualTo(200);
        assertThat(second.get(ApiPaths.ME).status()).isEqualTo(200);
        server.client().post(ApiPaths.PASSWORD_RESET, Map.of("email", email));
        String token = mail.await(email, 2).get(1).token(ApiPaths.RESET_PASSWORD_PAGE);

        Answer weak = confirm(token, "short");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.errorCode()).isEqualTo("weak_password");
        assertThat(weak.json().path("error").path("message").asText()).contains("at least 10 characters");
        assertThat(first.get(ApiPaths.ME).status())
                .as("a refused password changes nothing")
                .isEqualTo(200);

        Answer done = confirm(token, NEW_PASSWORD);
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        assertThat(first.get(ApiPaths.ME).status()).isEqualTo(401);
        assertThat(second.get(ApiPaths.ME).status()).isEqualTo(401);
        assertThat(server.client()
                        .post(ApiPaths.LOGIN, Map.of("email", email, "password", PASSWORD))
                        .status())
                .isEqualTo(401);
        ApiClient signedIn = server.client().login(email, NEW_PASSWORD);
        assertThat(me(signedIn).emailVerified())
                .as("the reset mail reached the address")
                .isTrue();

        for (String used : List.of(token, "nonsense", "")) {
            Answer refused = confirm(used, "Another-Secret-55");
            assertThat(refused.status()).as(used).isEqualTo(400);
            assertThat(refused.errorCode()).as(used).isEqualTo("invalid_token");
            assertThat(refused.json().path("error").path("message").asText()).contains("not valid");
        }
        ReceivedMail notice = mail.await(email, 3).get(2);
        assertThat(notice.subject()).isEqualTo("Your Pixfino password was changed");
        assertThat(notice.text()).contains("Forgot password?").doesNotContain(NEW_PASSWORD);
        assertThat(notice.html()).contains("signed out");
    }

    @Test
    void theResetPageShowsAFormThatSetsThePassword() {
        String email = newEmail();
        register(email);
        server.client().post(ApiPaths.PASSWORD_RESET, Map.of("email", email));
        String link = mail.await(email, 2).get(1).link(ApiPaths.RESET_PASSWORD_PAGE);
        String token = link.substring(link.indexOf("?token=") + 7);

        Answer page = server.client().get(server.pathOf(link));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("<form method=\"post\" action=\"/reset-password\">", "value=\"" + token + "\"");
        Answer weak = server.client()
                .postForm(ApiPaths.RESET_PASSWORD_PAGE, Map.of("token", token, "password", "aaaaaaaaaaaa"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body()).contains("too weak").contains("<form");
        Answer set = server.client()
                .postForm(ApiPaths.RESET_PASSWORD_PAGE, Map.of("token", token, "password", NEW_PASSWORD));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body()).contains("Your new password is set");
        assertThat(server.client().login(email, NEW_PASSWORD).token()).isNotNull();
        Answer used = server.client().get(server.pathOf(link));
        assertThat(used.status()).isEqualTo(400);
        assertThat(used.body()).contains("used already");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndSignsOutTheOtherSessions() {
        String email = newEmail();
        ApiClient current = register(email);
        ApiClient other = server.client().login(email, PASSWORD);

        Answer wrong = current.post(
                ApiPaths.PASSWORD, Map.of("currentPassword", "not-the-password-1", "newPassword", NEW_PASSWORD));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.errorCode()).isEqualTo("wrong_password");
        Answer weak = current.post(ApiPaths.PASSWORD, Map.of("currentPassword", PASSWORD, "newPassword", "abc"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.errorCode()).isEqualTo("weak_password");
        assertThat(server.client()
                        .post(ApiPaths.PASSWORD, Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD))
                        .status())
                .isEqualTo(401);

        Answer changed =
                current.post(ApiPaths.PASSWORD, Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD));
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);
        assertThat(current.get(ApiPaths.ME).status()).as("this session stays").isEqualTo(200);
        assertThat(other.get(ApiPaths.ME).status()).as("the others end").isEqualTo(401);
        assertThat(server.client().login(email, NEW_PASSWORD).token()).isNotNull();
        assertThat(mail.await(email, 2).get(1).subject()).isEqualTo("Your Pixfino password was changed");
    }

    @Test
    void mailIsRetriedWhileTheSmtpServerIsDownAndSentOnceItIsBack() {
        mail.stop();
        String email = newEmail();
        UUID id;
        try {
            id = Studio.userId(register(email));
            await("a failed attempt")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> server.app()
                            .database()
                            .dsl()
                            .fetchExists(MAIL_OUTBOX, MAIL_OUTBOX.USER_ID.eq(id).and(MAIL_OUTBOX.ATTEMPTS.ge(1))));
        } finally {
            mail.start();
        }
        ReceivedMail verification = mail.await(email, 1).get(0);
        assertThat(verification.subject()).isEqualTo("Confirm your email address for Pixfino");
        var row = server.app()
                .database()
                .dsl()
                .selectFrom(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.USER_ID.eq(id))
                .fetchOne();
        assertThat(row.getState()).isEqualTo("SENT");
        assertThat(row.getAttempts()).isGreaterThanOrEqualTo(2);
        assertThat(row.getTextBody()).as("the link is not kept once sent").isEmpty();
    }

    private static Answer confirm(String token, String password) {
        return server.client().post(ApiPaths.PASSWORD_RESET_CONFIRM, Map.of("token", token, "password", password));
    }

    private static ApiClient register(String email) {
        return server.client().register(email, PASSWORD);
    }

    private static UserView me(ApiClient user) {
        return user.get(ApiPaths.ME).as(UserView.class);
    }

    private static String newEmail() {
        return "mail-" + UUID.randomUUID() + "@example.com";
    }
}
