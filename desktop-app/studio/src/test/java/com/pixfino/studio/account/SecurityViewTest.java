package com.pixfino.studio.account;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.ToggleSwitch;
import com.pixfino.model.Role;
import com.pixfino.model.Tier;
import com.pixfino.model.api.UserView;
import com.pixfino.studio.core.account.NotificationPreferences;
import com.pixfino.studio.testsupport.AccountViewFixture;
import com.pixfino.studio.testsupport.FakeAccountLifecycle;
import com.pixfino.studio.testsupport.LightTheme;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.testsupport.ThemeShots;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Account → "Sign-in & email" as a person sees and uses it, over an in-memory account: the email choices saved on
 * change and shown again by a new screen, a refused save put back, a change of address waiting for its link.
 */
@ExtendWith({LightTheme.class, ApplicationExtension.class})
class SecurityViewTest {

    @TempDir
    Path dir;

    private final FakeAccountLifecycle account = new FakeAccountLifecycle();
    private SessionFixture fixture;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fixture = new SessionFixture(dir);
        UserView user = fixture.api.user;
        fixture.api.user =
                new UserView(user.id(), user.email(), user.name(), Role.USER, Tier.FREE, 5, null, false, false);
        fixture.signedIn();
        show();
    }

    /** A new account screen over the same account, opened on "Sign-in & email" (as after a restart). */
    private void show() {
        AccountViewFixture screen = new AccountViewFixture(fixture);
        screen.account.sectionProperty().set(AccountSection.SECURITY);
        SecurityViewModel security = new SecurityViewModel(
                fixture.tasks, fixture.session, fixture.sessions, fixture.messages, api -> account);
        screen.security = security;
        Scene scene = screen.scene();
        stage.setScene(scene);
        stage.show();
        security.refresh();
    }

    @Test
    void theEmailChoicesAreSavedOnChangeAndShownAgainByANewScreen(FxRobot robot) {
        assertThat(toggle(robot, "security-notify-low-credits").isSelected()).isTrue();
        assertThat(toggle(robot, "security-notify-receipts").isSelected()).isTrue();
        assertThat(toggle(robot, "security-notify-weekly-digest").isSelected()).isFalse();

        robot.clickOn("#security-notify-weekly-digest");
        robot.clickOn("#security-notify-receipts");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(account.preferences).isEqualTo(new NotificationPreferences(true, false, true));
        assertThat(label(robot, "security-notify-status").getText()).isEqualTo("Saved");
        screenshots(robot, "account-security-notifications-saved");

        robot.interact(this::show);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(toggle(robot, "security-notify-receipts").isSelected()).isFalse();
        assertThat(toggle(robot, "security-notify-weekly-digest").isSelected()).isTrue();
        assertThat(robot.lookup("#security-notify-status").queryAs(Label.class).isVisible())
                .as("quiet until something changes")
                .isFalse();
    }

    @Test
    void aRefusedSavePutsTheToggleBackAndSaysWhy(FxRobot robot) {
        account.refuseSaves = true;

        robot.clickOn("#security-notify-low-credits");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(toggle(robot, "security-notify-low-credits").isSelected()).isTrue();
        assertThat(label(robot, "security-notify-status").getText())
                .isEqualTo("Not saved: The server is busy; try again in a moment.");
        assertThat(label(robot, "security-notify-status").getStyleClass()).contains("tone-error");
    }

    @Test
    void aNewAddressIsAskedForWithThePasswordAndShownAsWaiting(FxRobot robot) {
        type(robot, "security-new-email", "taken@example.com");
        type(robot, "security-email-password", "Sunset-Lake-42");
        robot.clickOn("#security-change-email");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(label(robot, "security-new-email-error").getText()).isEqualTo("Another account uses this address.");
        screenshots(robot, "account-security-email-refused");

        robot.interact(() -> robot.lookup("#security-new-email")
                .queryAs(TextInputControl.class)
                .setText("ana.new@example.com"));
        robot.clickOn("#security-change-email");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(label(robot, "security-email-status").getText())
                .isEqualTo("We sent a link to ana.new@example.com — the change applies once you open it.");
        assertThat(label(robot, "security-pending-email").getText())
                .startsWith("Waiting for confirmation: ana.new@example.com");
        assertThat(label(robot, "verify-banner-text").getText())
                .isEqualTo("Confirm your email to buy credits and create API keys.");
        screenshots(robot, "account-security-email-pending");
    }

    private static ToggleSwitch toggle(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(ToggleSwitch.class);
    }

    private static Label label(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class);
    }

    private static void type(FxRobot robot, String id, String text) {
        robot.clickOn("#" + id);
        robot.interact(
                () -> robot.lookup("#" + id).queryAs(TextInputControl.class).setText(text));
    }

    private void screenshots(FxRobot robot, String name) {
        ThemeShots.save(robot, stage.getScene(), name);
    }
}
