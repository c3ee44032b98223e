package com.pixfino.studio.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.studio.session.ForgotPasswordViewModel.Step;
import com.pixfino.studio.testsupport.FakeAccountLifecycle;
import com.pixfino.studio.testsupport.SessionFixture;
import java.nio.file.Path;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Forgot password?" through the sign-in form's model, against an in-memory account. */
class ForgotPasswordViewModelTest {

    private static final String LINK = "http://127.0.0.1:8080/reset-password?token=" + FakeAccountLifecycle.RESET_TOKEN;

    @TempDir
    Path dir;

    private final FakeAccountLifecycle account = new FakeAccountLifecycle();
    private final SimpleBooleanProperty serverReady = new SimpleBooleanProperty(true);
    private SessionFixture fixture;
    private SignInViewModel signIn;
    private ForgotPasswordViewModel forgot;

    @BeforeEach
    void setUp() {
        fixture = new SessionFixture(dir);
        signIn = new SignInViewModel(
                fixture.tasks,
                url -> fixture.api,
                url -> account,
                fixture.sessions,
                fixture.serverUrl,
                serverReady,
                fixture.messages);
        forgot = signIn.forgotPasswordModel();
    }

    @Test
    void theLinkIsAskedForThenTheNewPasswordSetAndTheSignInFormFilled() {
        signIn.emailProperty().set("ana@example.com");
        signIn.passwordProperty().set("half-typed");
        signIn.forgotPassword();

        assertThat(forgot.openProperty().get()).isTrue();
        assertThat(forgot.emailProperty().get()).as("the address typed so far").isEqualTo("ana@example.com");
        forgot.sendLink();

        assertThat(account.resetRequests).containsExactly("ana@example.com");
        assertThat(forgot.stepProperty().get()).isEqualTo(Step.LINK);
        assertThat(forgot.sentProperty().get()).isEqualTo(FakeAccountLifecycle.RESET_SENTENCE);

        forgot.linkProperty().set("  <" + LINK + ">\n");
        forgot.passwordProperty().set("Harbour-Light-77");
        forgot.repeatProperty().set("Harbour-Light-77");
        forgot.setPassword();

        assertThat(account.password).isEqualTo("Harbour-Light-77");
        assertThat(forgot.openProperty().get()).isFalse();
        assertThat(forgot.passwordProperty().get()).as("not kept in memory").isEmpty();
        assertThat(signIn.emailProperty().get()).isEqualTo("ana@example.com");
        assertThat(signIn.passwordProperty().get()).isEmpty();
        assertThat(signIn.noticeProperty().get()).startsWith("Your new password is set");
    }

    @Test
    void whatIsWrongIsSaidBesideTheFieldBeforeAnythingIsSent() {
        signIn.forgotPassword();
        forgot.emailProperty().set("marta@example.com");
        forgot.haveLink();

        forgot.linkProperty().set("https://pixfino.example/reset-password");
        forgot.passwordProperty().set("short-1");
        forgot.repeatProperty().set("something-else");
        forgot.setPassword();

        assertThat(forgot.linkErrorProperty().get()).startsWith("This is not a reset link");
        assertThat(forgot.passwordErrorProperty().get()).isEqualTo("Use at least 10 characters.");
        assertThat(forgot.repeatErrorProperty().get())
                .as("one problem at a time")
                .isEmpty();

        forgot.linkProperty().set(LINK);
        forgot.passwordProperty().set("Marta-Secret-42");
        forgot.setPassword();
        assertThat(forgot.linkErrorProperty().get()).isEmpty();
        assertThat(forgot.passwordErrorProperty().get()).isEqualTo("Leave your email name out of the password.");

        forgot.passwordProperty().set("Harbour-Light-77");
        forgot.repeatProperty().set("Harbour-Light-78");
        forgot.setPassword();
        assertThat(forgot.repeatErrorProperty().get()).isEqualTo("The two passwords are not the same.");
        assertThat(account.tokenUsed).isFalse();
        assertThat(forgot.openProperty().get()).isTrue();
    }

    @Test
    void aUsedLinkIsRefusedBesideTheLinkField() {
        account.tokenUsed = true;
        signIn.forgotPassword();
        forgot.haveLink();
        forgot.linkProperty().set(LINK);
        forgot.passwordProperty().set("Harbour-Light-77");
        forgot.repeatProperty().set("Harbour-Light-77");

        forgot.setPassword();

        assertThat(forgot.linkErrorProperty().get()).startsWith("This password reset link is not valid");
        assertThat(forgot.openProperty().get()).isTrue();
        assertThat(forgot.busyProperty().get()).isFalse();
    }

    @Test
    void noAddressNoServerAndEscapeAreHandled() {
        signIn.forgotPassword();
        forgot.emailProperty().set("not an address");
        forgot.sendLink();
        assertThat(forgot.errorProperty().get()).startsWith("Enter your email address");

        serverReady.set(false);
        forgot.emailProperty().set("ana@example.com");
        forgot.sendLink();
        assertThat(forgot.errorProperty().get()).startsWith("Resetting a password needs the Pixfino server");
        assertThat(account.resetRequests).isEmpty();

        serverReady.set(true);
        account.unreachable = true;
        forgot.sendLink();
        assertThat(forgot.errorProperty().get()).startsWith("Cannot reach the Pixfino server");

        forgot.close();
        assertThat(forgot.openProperty().get()).isFalse();
        assertThat(signIn.noticeProperty().get()).isEmpty();
    }
}
