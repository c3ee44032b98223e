package com.pixfino.studio.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.core.testsupport.CannedServerTest;
import com.pixfino.studio.core.testsupport.FakeAccountRoutes;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Notification preferences and change of address against a fake speaking the contract pinned for issue 16 (the
 * server's routes are built at the same time; this moves to the real server once they are on main).
 */
class PendingAccountRoutesClientTest extends CannedServerTest {

    private final FakeAccountRoutes routes = new FakeAccountRoutes();

    @BeforeEach
    void answerByContract() {
        server.setDispatcher(routes);
    }

    @Test
    void preferencesStartAtTheDefaultsAndAreStoredWholeByPut() throws Exception {
        AccountLifecycleApi account = AccountLifecycleClient.of(api());

        NotificationPreferences before = account.notifications();
        NotificationPreferences saved =
                account.saveNotifications(before.withReceipts(false).withWeeklyDigest(true));

        assertThat(before).isEqualTo(NotificationPreferences.DEFAULTS);
        assertThat(saved).isEqualTo(new NotificationPreferences(true, false, true));
        assertThat(account.notifications()).isEqualTo(saved);
        server.takeRequest();
        RecordedRequest put = server.takeRequest();
        assertThat(put.getMethod()).isEqualTo("PUT");
        assertThat(put.getUrl().encodedPath()).isEqualTo("/api/v1/me/notifications");
        assertThat(put.getBody().utf8()).isEqualTo("{\"lowCredits\":true,\"receipts\":false,\"weeklyDigest\":true}");
    }

    @Test
    void aChangeOfAddressWaitsForItsLinkAndShowsAsPending() throws Exception {
        AccountLifecycleApi account = AccountLifecycleClient.of(api());

        String pending = account.changeEmail(FakeAccountRoutes.PASSWORD, "Ana.New@example.com");
        EmailState state = account.emailState();

        assertThat(pending).isEqualTo("ana.new@example.com");
        assertThat(state.email()).isEqualTo("ana@example.com");
        assertThat(state.pendingEmail()).isEqualTo("ana.new@example.com");
        assertThat(state.hasPendingChange()).isTrue();
        RecordedRequest post = server.takeRequest();
        assertThat(post.getUrl().encodedPath()).isEqualTo("/api/v1/auth/email");
        assertThat(post.getBody().utf8())
                .isEqualTo("{\"currentPassword\":\"Sunset-Lake-42\",\"newEmail\":\"Ana.New@example.com\"}");
    }

    @Test
    void aChangeOfAddressIsRefusedWithTheServersCodeAndSentence() {
        AccountLifecycleApi account = AccountLifecycleClient.of(api());

        assertThatThrownBy(() -> account.changeEmail("wrong-password-1", "new@example.com"))
                .isInstanceOfSatisfying(CompanionApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.code()).isEqualTo("wrong_password");
                });
        assertThatThrownBy(() -> account.changeEmail(FakeAccountRoutes.PASSWORD, "taken@example.com"))
                .isInstanceOfSatisfying(CompanionApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("email_taken");
                    assertThat(e.getMessage()).isEqualTo("Another account uses this address.");
                });
        assertThatThrownBy(() -> account.changeEmail(FakeAccountRoutes.PASSWORD, "not-an-address"))
                .isInstanceOfSatisfying(
                        CompanionApiException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
    }
}
