package com.pixfino.studio.apikeys;

import static com.pixfino.studio.testsupport.OnFx.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.studio.testsupport.AccountViewFixture;
import com.pixfino.studio.testsupport.LightTheme;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.testsupport.ThemeShots;
import com.pixfino.studio.webhooks.WebhooksViewModel;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Account → "API access" as a person uses it: keys created, seen once and revoked; webhooks added, pinged, deleted. */
@ExtendWith({LightTheme.class, ApplicationExtension.class})
class ApiAccessViewTest {

    @TempDir
    Path dir;

    private SessionFixture fixture;
    private Stage stage;
    private WebhooksViewModel hooks;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        fixture = new SessionFixture(dir).signedIn();
        AccountViewFixture screen = new AccountViewFixture(fixture);
        hooks = screen.hooks;
        screen.rewards = new com.pixfino.studio.testsupport.FakeRewards(fixture.api).model(fixture);
        Scene scene = screen.scene();
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aKeyIsCreatedShownOnceCopiedAndRevokedAfterConfirming(FxRobot robot) {
        robot.clickOn(robot.lookup(".tab").nth(2).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#api-keys-empty").queryAs(Label.class).getText())
                .startsWith("No API keys yet");

        robot.clickOn("#api-key-name").write("nightly batch");
        robot.clickOn("#api-key-generate");
        robot.clickOn("#api-key-create");
        WaitForAsyncUtils.waitForFxEvents();

        String key = robot.lookup("#api-new-key-value").queryAs(TextField.class).getText();
        assertThat(key).startsWith("pxf_");
        assertThat(robot.lookup("#api-new-key").queryAs(Node.class).isVisible()).isTrue();
        assertThat(robot.lookup("#api-new-key-warning").queryAs(Label.class).getText())
                .contains("will not be shown again");
        robot.clickOn("#api-new-key-copy");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(call(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(key);
        TableView<?> table = robot.lookup("#api-keys-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(1);
        screenshots(robot, "api-keys-created");

        robot.clickOn(robot.lookup(".tab").nth(0).queryAs(Node.class));
        robot.clickOn(robot.lookup(".tab").nth(2).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#api-new-key").queryAs(Node.class).isVisible()).isFalse();
        assertThat(robot.lookup("#api-new-key-value").queryAs(TextField.class).getText())
                .isEmpty();

        robot.clickOn(".api-key-revoke");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#api-revoke-question").queryAs(Label.class).getText())
                .startsWith("Revoke \u201cnightly batch\u201d");
        assertThat(fixture.api.apiKeys).hasSize(1);
        screenshots(robot, "api-keys-revoke");

        robot.clickOn("#api-revoke-confirm");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fixture.api.apiKeys).isEmpty();
        assertThat(table.getItems()).isEmpty();
        assertThat(robot.lookup("#api-keys-status").queryAs(Label.class).getText())
                .isEqualTo("Key \u201cnightly batch\u201d revoked.");
    }

    @Test
    void anEndpointIsAddedWithItsSecretOncePingedAndADisabledOneSaysWhy(FxRobot robot) {
        robot.clickOn(robot.lookup(".tab").nth(2).queryAs(Node.class));
        robot.clickOn("#webhook-url").write("https://hooks.example.com/pixfino");
        robot.clickOn("#webhook-add");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#webhook-secret-value")
                        .queryAs(TextField.class)
                        .getText())
                .startsWith("whsec_");
        assertThat(robot.lookup("#webhook-secret-warning").queryAs(Label.class).getText())
                .contains("will not be shown again");
        assertThat(fixture.api.webhookEndpoints)
                .singleElement()
                .satisfies(w ->
                        assertThat(w.events()).containsExactly(WebhooksViewModel.COMPLETED, WebhooksViewModel.FAILED));
        robot.clickOn("#webhook-secret-done");
        scrollToEnd(robot);
        robot.clickOn(".webhook-test");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#webhook-deliveries-table")
                        .queryAs(TableView.class)
                        .getItems())
                .hasSize(1);

        robot.interact(() -> {
            robot.lookup("#webhook-url").queryAs(TextField.class).setText("https://old.example.com/hook");
        });
        robot.clickOn("#webhook-add");
        robot.clickOn("#webhook-secret-done");
        fixture.api.disableWebhook(fixture.api.webhookEndpoints.get(1).id(), "It failed 50 times in a row.");
        robot.interact(hooks::refresh);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(hooks.state(hooks.endpoints().get(0))).startsWith("Disabled: It failed 50 times");
        scrollToEnd(robot);
        screenshots(robot, "webhooks");

        robot.clickOn(robot.lookup(".webhook-delete").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fixture.api.webhookEndpoints).hasSize(2);
        robot.clickOn("#webhook-delete-confirm");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fixture.api.webhookEndpoints).hasSize(1);
    }

    private void scrollToEnd(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(
                () -> robot.lookup("#api-scroll").queryAs(ScrollPane.class).setVvalue(1.0));
        WaitForAsyncUtils.waitForFxEvents(6);
    }

    private void screenshots(FxRobot robot, String name) {
        ThemeShots.save(robot, stage.getScene(), name);
    }
}
