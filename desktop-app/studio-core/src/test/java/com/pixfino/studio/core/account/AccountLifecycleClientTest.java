package com.pixfino.studio.core.account;

import static com.pixfino.studio.core.testsupport.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.LoginRequest;
import com.pixfino.model.api.RegisterRequest;
import com.pixfino.server.limits.Allowance;
import com.pixfino.server.limits.Budget;
import com.pixfino.server.limits.RateLimitSettings;
import com.pixfino.server.testsupport.TestServer;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.core.net.CompanionClient;
import com.pixfino.studio.core.net.CompanionClients;
import com.pixfino.studio.core.net.CompanionJson;
import com.pixfino.studio.core.net.ServerUrl;
import com.pixfino.studio.core.testsupport.MailFiles;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The account lifecycle calls against the real server (mail written as .eml files, read back as a person would). */
class AccountLifecycleClientTest {

    private static final String PASSWORD = "Sunset-Lake-42";

    private static TestServer server;
    private static CompanionClients clients;
    private static MailFiles mail;

    @BeforeAll
    static void startServer() {
        // the product's resend limit (3 an hour): the test config has none otherwise
        server = TestServer.start(TestServer.freshConfig("account-lifecycle")
                .withLimits(RateLimitSettings.unlimited()
                        .with(Budget.VERIFY_EMAIL_RESEND_PER_ACCOUNT, Allowance.of(3, Duration.ofHours(1)))));
        clients = CompanionClients.withDefaults(CompanionJson.mapper(), UiThreadGuard.NONE);
        mail = new MailFiles(server.config().dataDir());
    }

    @AfterAll
    static void stopServer() {
        clients.close();
        server.close();
    }

    @Test
    void aForgottenPasswordIsResetWithTheMailedLinkOnceAndOnlyOnce() throws Exception {
        String email = newEmail();
        register(email);
        AccountLifecycleApi signedOut = AccountLifecycleClient.of(signedOut());

        String answer = signedOut.requestPasswordReset(email);
        String unknown = signedOut.requestPasswordReset("nobody-" + email);
        String link = mail.awaitLink(email, ApiPaths.RESET_PASSWORD_PAGE, 1).link(ApiPaths.RESET_PASSWORD_PAGE);
        String token = ResetLinks.token(link).orElseThrow();
        assertRefused(() -> signedOut.confirmPasswordReset(token, "short1"), 400, "weak_password");
        signedOut.confirmPasswordReset(token, "Harbour-Light-77");

        assertThat(answer).as("no hint whether the address has an account").isEqualTo(unknown);
        assertThat(answer).contains("reset");
        assertThat(signedOut()
                        .login(new LoginRequest(email, "Harbour-Light-77"))
                        .token())
                .isNotBlank();
        assertThatThrownBy(() -> signedOut().login(new LoginRequest(email, PASSWORD)))
                .isInstanceOf(CompanionApiException.class);
        assertThatThrownBy(() -> signedOut.confirmPasswordReset(token, "Another-Pass-88"))
                .as("a used link")
                .isInstanceOfSatisfying(CompanionApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("invalid_token");
                    assertThat(e.getMessage()).contains("Forgot password?");
                });
    }

    @Test
    void thePasswordChangesOnlyWithTheCurrentOne() throws Exception {
        String email = newEmail();
        AccountLifecycleApi account = AccountLifecycleClient.of(register(email));

        assertRefused(() -> account.changePassword("not-the-password-1", "Harbour-Light-77"), 403, "wrong_password");
        account.changePassword(PASSWORD, "Harbour-Light-77");

        assertThat(signedOut()
                        .login(new LoginRequest(email, "Harbour-Light-77"))
                        .token())
                .isNotBlank();
    }

    @Test
    void anUnverifiedAddressGetsANewLinkAndAVerifiedOneIsToldSo() throws Exception {
        String email = newEmail();
        AccountLifecycleApi account = AccountLifecycleClient.of(register(email));

        EmailState before = account.emailState();
        String answer = account.resendVerification();
        String link = mail.awaitLink(email, ApiPaths.VERIFY_EMAIL_PAGE, 2).link(ApiPaths.VERIFY_EMAIL_PAGE);
        assertThat(server.client()
                        .get(link.substring(link.indexOf(ApiPaths.VERIFY_EMAIL_PAGE)))
                        .status())
                .isEqualTo(200);

        assertThat(before.email()).isEqualTo(email);
        assertThat(before.emailVerified()).isFalse();
        assertThat(before.hasPendingChange()).isFalse();
        assertThat(answer).contains("on its way");
        assertThat(account.emailState().emailVerified()).isTrue();
        assertRefused(account::resendVerification, 409, "already_verified");
    }

    @Test
    void theResendLimitIsTheServersSentenceWithItsWait() throws Exception {
        AccountLifecycleApi account = AccountLifecycleClient.of(register(newEmail()));

        CompanionApiException refusal = null;
        for (int i = 0; i < 5 && refusal == null; i++) {
            try {
                account.resendVerification();
            } catch (CompanionApiException e) {
                refusal = e;
            }
        }

        assertThat(refusal).isNotNull();
        assertThat(refusal.statusCode()).isEqualTo(429);
        assertThat(refusal.getMessage()).isNotBlank().doesNotContain("Exception");
        assertThat(refusal.retryAfter()).isPresent();
    }

    @Test
    void emailChoicesStartAtTheDefaultsAndAreStoredWhole() throws Exception {
        AccountLifecycleApi account = AccountLifecycleClient.of(register(newEmail()));

        NotificationPreferences before = account.notifications();
        NotificationPreferences saved =
                account.saveNotifications(before.withReceipts(false).withWeeklyDigest(true));

        assertThat(before).isEqualTo(NotificationPreferences.DEFAULTS);
        assertThat(saved).isEqualTo(new NotificationPreferences(true, false, true));
        assertThat(account.notifications()).isEqualTo(saved);
    }

    @Test
    void aNewAddressTakesOverOnceItsMailedLinkIsOpened() throws Exception {
        String email = newEmail();
        String moved = "moved-" + email;
        AccountLifecycleApi account = AccountLifecycleClient.of(register(email));
        assertRefused(() -> account.changeEmail("not-the-password-1", moved), 403, "wrong_password");

        String pending = account.changeEmail(PASSWORD, moved);
        EmailState waiting = account.emailState();
        String link = mail.awaitLink(moved, ApiPaths.VERIFY_EMAIL_PAGE, 1).link(ApiPaths.VERIFY_EMAIL_PAGE);
        assertThat(server.client()
                        .get(link.substring(link.indexOf(ApiPaths.VERIFY_EMAIL_PAGE)))
                        .status())
                .isEqualTo(200);

        assertThat(pending).isEqualTo(moved);
        assertThat(waiting.email()).isEqualTo(email);
        assertThat(waiting.pendingEmail()).isEqualTo(moved);
        EmailState after = account.emailState();
        assertThat(after.email()).isEqualTo(moved);
        assertThat(after.emailVerified()).isTrue();
        assertThat(after.hasPendingChange()).isFalse();
    }

    private static CompanionClient signedOut() {
        return clients.forServer(ServerUrl.parse(server.baseUrl()).orElseThrow());
    }

    private static CompanionClient register(String email) throws Exception {
        String token = signedOut()
                .register(new RegisterRequest(email, PASSWORD, "Ana"))
                .token();
        return signedOut().withToken(token);
    }

    private static String newEmail() {
        return "ana-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
