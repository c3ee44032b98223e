package com.pixfino.studio.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.Role;
import com.pixfino.model.Tier;
import com.pixfino.model.api.UserView;
import com.pixfino.studio.core.account.NotificationPreferences;
import com.pixfino.studio.testsupport.FakeAccountLifecycle;
import com.pixfino.studio.testsupport.SessionFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Account → "Sign-in & email" without a window, against an in-memory account. */
class SecurityViewModelTest {

    @TempDir
    Path dir;

    private final FakeAccountLifecycle account = new FakeAccountLifecycle();
    private SessionFixture fixture;
    private SecurityViewModel viewModel;

    @BeforeEach
    void setUp() {
        fixture = new SessionFixture(dir);
        UserView user = fixture.api.user;
        fixture.api.user =
                new UserView(user.id(), user.email(), user.name(), Role.USER, Tier.FREE, 5, null, false, false);
        fixture.signedIn();
        viewModel = new SecurityViewModel(
                fixture.tasks, fixture.session, fixture.sessions, fixture.messages, api -> account);
    }

    @Test
    void anUnconfirmedAddressShowsAndGetsANewLinkUntilTheServerSaysEnough() {
        viewModel.refresh();

        assertThat(viewModel.unverifiedProperty().get()).isTrue();
        assertThat(viewModel.emailText().get()).isEqualTo("ana@example.com");
        viewModel.resendVerification();
        assertThat(viewModel.verificationMessageProperty().get())
                .isEqualTo("A new verification link is on its way to your email address.");

        viewModel.resendVerification();
        viewModel.resendVerification();
        viewModel.resendVerification();
        assertThat(viewModel.verificationMessageProperty().get())
                .as("the server's sentence")
                .isEqualTo("You asked for 3 links this hour already. Try again in an hour.");
        assertThat(viewModel.verificationToneProperty().get().name()).isEqualTo("ERROR");
    }

    @Test
    void anAddressConfirmedInTheBrowserIsPickedUpOnRefresh() {
        account.verified = true;
        UserView user = fixture.api.user;
        fixture.api.user =
                new UserView(user.id(), user.email(), user.name(), Role.USER, Tier.FREE, 5, null, false, true);

        viewModel.refresh();

        assertThat(viewModel.unverifiedProperty().get()).isFalse();
    }

    @Test
    void thePasswordChangesWithTheCurrentOneAndTheFormEmpties() {
        viewModel.currentPasswordProperty().set("not-it-at-all-1");
        viewModel.newPasswordProperty().set("Harbour-Light-77");
        viewModel.repeatPasswordProperty().set("Harbour-Light-77");
        viewModel.changePassword();
        assertThat(viewModel.currentPasswordErrorProperty().get()).isEqualTo("The current password is wrong.");
        assertThat(account.password).isEqualTo("Sunset-Lake-42");

        viewModel.currentPasswordProperty().set("Sunset-Lake-42");
        assertThat(viewModel.currentPasswordErrorProperty().get())
                .as("gone once corrected")
                .isEmpty();
        viewModel.changePassword();

        assertThat(account.password).isEqualTo("Harbour-Light-77");
        assertThat(viewModel.passwordMessageProperty().get()).startsWith("Password changed.");
        assertThat(viewModel.currentPasswordProperty().get()).isEmpty();
        assertThat(viewModel.newPasswordProperty().get()).isEmpty();
        assertThat(viewModel.repeatPasswordProperty().get()).isEmpty();
    }

    @Test
    void aWeakOrMismatchedNewPasswordIsNamedBesideItsField() {
        viewModel.currentPasswordProperty().set("");
        viewModel.newPasswordProperty().set("aaaaaaaaaaaa");
        viewModel.changePassword();
        assertThat(viewModel.currentPasswordErrorProperty().get()).isEqualTo("Fill this in.");
        assertThat(viewModel.newPasswordErrorProperty().get()).isEqualTo("Mix letters with digits or symbols.");

        viewModel.currentPasswordProperty().set("Sunset-Lake-42");
        viewModel.newPasswordProperty().set("Harbour-Light-77");
        viewModel.repeatPasswordProperty().set("Harbour-Light-7");
        viewModel.changePassword();
        assertThat(viewModel.repeatPasswordErrorProperty().get()).isEqualTo("The two passwords are not the same.");
        assertThat(account.password).isEqualTo("Sunset-Lake-42");
    }

    @Test
    void aNewAddressWaitsForItsLinkAndShowsAsPending() {
        viewModel.newEmailProperty().set("ana@example.com");
        viewModel.emailPasswordProperty().set("Sunset-Lake-42");
        viewModel.changeEmail();
        assertThat(viewModel.newEmailErrorProperty().get()).isEqualTo("That is your current address already.");

        viewModel.newEmailProperty().set("taken@example.com");
        viewModel.changeEmail();
        assertThat(viewModel.newEmailErrorProperty().get()).isEqualTo("Another account uses this address.");

        viewModel.newEmailProperty().set("Ana.New@example.com");
        viewModel.changeEmail();

        assertThat(viewModel.pendingEmailProperty().get()).isEqualTo("ana.new@example.com");
        assertThat(viewModel.emailMessageProperty().get())
                .isEqualTo("We sent a link to ana.new@example.com — the change applies once you open it.");
        assertThat(viewModel.emailPasswordProperty().get()).isEmpty();
        viewModel.refresh();
        assertThat(viewModel.pendingEmailProperty().get()).isEqualTo("ana.new@example.com");
    }

    @Test
    void aToggleIsSavedAtOnceAndPutBackWhenTheServerRefuses() {
        account.preferences = new NotificationPreferences(true, false, true);
        viewModel.refresh();
        assertThat(viewModel.preferencesLoadedProperty().get()).isTrue();
        assertThat(viewModel.receiptsProperty().get()).isFalse();
        assertThat(viewModel.weeklyDigestProperty().get()).isTrue();
        assertThat(account.saves).as("showing the stored choices sends nothing").isEmpty();

        viewModel.lowCreditsProperty().set(false);
        assertThat(account.saves).containsExactly(new NotificationPreferences(false, false, true));
        assertThat(viewModel.preferencesMessageProperty().get()).isEqualTo("Saved");

        account.refuseSaves = true;
        viewModel.receiptsProperty().set(true);
        assertThat(viewModel.receiptsProperty().get()).as("put back").isFalse();
        assertThat(viewModel.preferencesMessageProperty().get())
                .isEqualTo("Not saved: The server is busy; try again in a moment.");
        assertThat(account.preferences).isEqualTo(new NotificationPreferences(false, false, true));
    }

    @Test
    void signingOutForgetsWhatWasTyped() {
        viewModel.refresh();
        viewModel.currentPasswordProperty().set("Sunset-Lake-42");
        viewModel.emailPasswordProperty().set("Sunset-Lake-42");

        fixture.sessions.signOut();

        assertThat(viewModel.currentPasswordProperty().get()).isEmpty();
        assertThat(viewModel.emailPasswordProperty().get()).isEmpty();
        assertThat(viewModel.preferencesLoadedProperty().get()).isFalse();
        assertThat(viewModel.unverifiedProperty().get()).isFalse();
    }
}
