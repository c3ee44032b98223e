package com.pixfino.studio.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.studio.testsupport.AccountViewFixture;
import com.pixfino.studio.testsupport.LightTheme;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.testsupport.TestPresets;
import com.pixfino.studio.testsupport.ThemeShots;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The account screen's "Your data" actions and the delete dialog, as a person sees and uses them. */
@ExtendWith({LightTheme.class, ApplicationExtension.class})
class AccountViewTest {

    @TempDir
    Path dir;

    private SessionFixture fixture;
    private AccountViewModel viewModel;
    private final List<String> forgotten = new ArrayList<>();
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        fixture = new SessionFixture(dir).signedIn();
        fixture.api.createGeneration(
                new CreateGenerationRequest(TestPresets.SNOW_PRINCESS.id(), UUID.randomUUID(), null), null);
        fixture.api.setCredits(12);
        AccountViewFixture screen = new AccountViewFixture(fixture);
        viewModel = new AccountViewModel(
                fixture.tasks, fixture.session, fixture.sessions, fixture.messages, forgotten::add, Clock.systemUTC());
        screen.account = viewModel;
        screen.rewards = new com.pixfino.studio.testsupport.FakeRewards(fixture.api).model(fixture);
        Scene scene = screen.scene();
        stage.setScene(scene);
        stage.show();
        viewModel.refresh();
    }

    @Test
    void theScreenOffersExportAndDeletionAndSaysWhereTheExportWent(FxRobot robot) {
        assertThat(robot.lookup("#account-export").queryAs(Button.class).getText())
                .isEqualTo("Export my data\u2026");
        assertThat(robot.lookup("#account-delete").queryAs(Button.class).getText())
                .isEqualTo("Delete account\u2026");
        for (String id : new String[] {"account-export", "account-delete"}) {
            Button button = robot.lookup("#" + id).queryAs(Button.class);
            assertThat(button.getWidth())
                    .as(id + " shows its whole label")
                    .isGreaterThanOrEqualTo(button.prefWidth(-1));
        }

        robot.interact(() -> viewModel.exportData(dir.resolve("pixfino-data.zip")));

        Label outcome = robot.lookup("#account-data-notice").queryAs(Label.class);
        assertThat(outcome.isVisible()).isTrue();
        assertThat(outcome.getText()).startsWith("Your data was saved to ").contains("pixfino-data.zip");
        assertThat(outcome.getStyleClass()).contains("tone-success");
        screenshots(robot, stage.getScene(), "account-your-data");
    }

    @Test
    void theDeleteDialogDefaultsToCancelAndDeletesOnlyWhenConfirmed(FxRobot robot) {
        robot.clickOn("#account-delete");
        WaitForAsyncUtils.waitForFxEvents();

        Button cancel = robot.lookup("#delete-cancel").queryAs(Button.class);
        Button delete = robot.lookup("#delete-confirm").queryAs(Button.class);
        assertThat(cancel.isDefaultButton()).as("Enter keeps the account").isTrue();
        assertThat(delete.isDefaultButton()).isFalse();
        assertThat(delete.isDisabled()).isTrue();
        assertThat(robot.lookup(".dialog-pane .header-panel .label")
                        .queryAs(Label.class)
                        .getText())
                .isEqualTo("Delete the account ana@example.com for good?");

        type(robot, "delete-confirmation", "ana@example.com");
        type(robot, "delete-password", "wrong-password-1");
        assertThat(delete.isDisabled()).isFalse();
        Scene dialog = robot.lookup("#delete-dialog").query().getScene();
        assertThat(top(delete))
                .as("the buttons sit below the password field")
                .isGreaterThan(bottom(robot.lookup("#delete-password").query()));
        assertThat(bottom(delete)).as("in sight").isLessThanOrEqualTo(dialog.getHeight());
        screenshots(robot, dialog, "account-delete-dialog");

        robot.clickOn("#delete-confirm");
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#delete-error").queryAs(Label.class);
        assertThat(error.getText()).startsWith("The password is wrong, so nothing was deleted.");
        assertThat(bottom(delete))
                .as("the window grew to keep the buttons in sight")
                .isLessThanOrEqualTo(dialog.getHeight());
        assertThat(top(delete)).as("below the refusal").isGreaterThan(bottom(error));
        assertThat(dialog.getWindow().isShowing())
                .as("a refusal keeps the dialog open")
                .isTrue();
        screenshots(robot, dialog, "account-delete-dialog-refused");

        robot.interact(() ->
                robot.lookup("#delete-password").queryAs(TextInputControl.class).setText(fixture.api.password));
        robot.clickOn("#delete-confirm");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialog.getWindow().isShowing()).isFalse();
        assertThat(fixture.api.accountDeleted).isTrue();
        assertThat(fixture.session.isSignedIn()).isFalse();
        assertThat(forgotten).containsExactly(fixture.api.user.id().toString());
    }

    @Test
    void cancelClosesTheDialogAndKeepsTheAccount(FxRobot robot) {
        robot.clickOn("#account-delete");
        type(robot, "delete-confirmation", "DELETE");
        robot.clickOn("#delete-cancel");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.listWindows()).filteredOn(Window::isShowing).hasSize(1);
        assertThat(fixture.api.accountDeleted).isFalse();
        assertThat(fixture.session.isSignedIn()).isTrue();
    }

    private static double top(Node node) {
        return node.localToScene(node.getBoundsInLocal()).getMinY();
    }

    private static double bottom(Node node) {
        return node.localToScene(node.getBoundsInLocal()).getMaxY();
    }

    private static void type(FxRobot robot, String id, String text) {
        robot.clickOn("#" + id);
        robot.interact(
                () -> robot.lookup("#" + id).queryAs(TextInputControl.class).setText(text));
    }

    private static void screenshots(FxRobot robot, Scene scene, String name) {
        ThemeShots.save(robot, scene, name);
    }
}
