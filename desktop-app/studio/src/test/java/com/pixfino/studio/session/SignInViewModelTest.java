package com.pixfino.studio.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.studio.session.SignInViewModel.Mode;
import com.pixfino.studio.testsupport.FakeCompanionApi;
import com.pixfino.studio.testsupport.SessionFixture;
import java.nio.file.Path;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignInViewModelTest {

    @TempDir
    Path dir;

    private SessionFixture fixture;
    private final SimpleBooleanProperty serverReady = new SimpleBooleanProperty(true);
    private SignInViewModel viewModel;

    @BeforeEach
    void setUp() {
        fixture = new SessionFixture(dir);
        viewModel = new SignInViewModel(
                fixture.tasks, url -> fixture.api, fixture.sessions, fixture.serverUrl, serverReady, fixture.messages);
    }

    @Test
    void registeringSignsInRemembersTheTokenAndForgetsThePassword() throws Exception {
        viewModel.toggleMode();
        viewModel.emailProperty().set("  bo@example.com ");
        viewModel.nameProperty().set("Bo");
        viewModel.passwordProperty().set("Sunset-Lake-42");

        viewModel.submit();

        assertThat(fixture.session.isSignedIn()).isTrue();
        assertThat(fixture.session.isOnline()).isTrue();
        assertThat(fixture.session.userProperty().get().email()).isEqualTo("bo@example.com");
        assertThat(fixture.session.creditsProperty().get()).isEqualTo(5);
        assertThat(fixture.tokens.read(SessionFixture.SERVER)).contains(FakeCompanionApi.TOKEN);
        assertThat(viewModel.passwordProperty().get()).isEmpty();
        assertThat(viewModel.errorProperty().get()).isEmpty();
    }

    @Test
    void showsTheServersReasonWhenSignInIsRefused() {
        viewModel.emailProperty().set("ana@example.com");
        viewModel.passwordProperty().set("wrong-password-1");

        viewModel.submit();

        assertThat(fixture.session.isSignedIn()).isFalse();
        assertThat(viewModel.errorProperty().get()).isEqualTo("The email or password is wrong.");
        assertThat(viewModel.busyProperty().get()).isFalse();
    }

    @Test
    void saysWhatToDoWhenTheServerCannotBeReached() {
        fixture.api.unreachable = true;
        viewModel.emailProperty().set("ana@example.com");
        viewModel.passwordProperty().set("Sunset-Lake-42");

        viewModel.submit();

        assertThat(viewModel.errorProperty().get())
                .startsWith("Cannot reach the Pixfino server (connection refused)")
                .endsWith("Check that it is running and try again.");
    }

    @Test
    void catchesTheObviousBeforeAskingTheServer() {
        viewModel.modeProperty().set(Mode.REGISTER);
        viewModel.emailProperty().set("not-an-email");
        viewModel.passwordProperty().set("Sunset-Lake-42");
        viewModel.submit();
        assertThat(viewModel.errorProperty().get()).contains("like you@example.com");

        viewModel.emailProperty().set("bo@example.com");
        viewModel.passwordProperty().set("short1");
        viewModel.submit();
        assertThat(viewModel.errorProperty().get()).contains("at least 10 characters");
        assertThat(fixture.session.isSignedIn()).isFalse();
    }

    @Test
    void cannotSubmitUntilTheServerAnswersAndTheFormIsFilled() {
        assertThat(viewModel.canSubmitProperty().get()).isFalse();
        viewModel.emailProperty().set("ana@example.com");
        viewModel.passwordProperty().set("Sunset-Lake-42");
        assertThat(viewModel.canSubmitProperty().get()).isTrue();

        serverReady.set(false);

        assertThat(viewModel.canSubmitProperty().get()).isFalse();
        viewModel.submit();
        assertThat(fixture.session.isSignedIn()).isFalse();
    }

    @Test
    void switchingFormsClearsTheLastError() {
        viewModel.emailProperty().set("nobody");
        viewModel.passwordProperty().set("x");
        viewModel.submit();
        assertThat(viewModel.errorProperty().get()).isNotEmpty();

        viewModel.toggleMode();

        assertThat(viewModel.modeProperty().get()).isEqualTo(Mode.REGISTER);
        assertThat(viewModel.errorProperty().get()).isEmpty();
    }
}
