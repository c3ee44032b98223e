package com.pixfino.studio.rewards;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.studio.core.rewards.ReferralSummary;
import com.pixfino.studio.testsupport.FakeRewards;
import com.pixfino.studio.testsupport.LightTheme;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.testsupport.StudioScene;
import com.pixfino.studio.testsupport.ThemeShots;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The "Invite & redeem" tab as a person uses it: copy the link, type a code, read the outcome. */
@ExtendWith({LightTheme.class, ApplicationExtension.class})
class RewardsViewTest {

    @TempDir
    Path dir;

    private SessionFixture fixture;
    private FakeRewards rewards;
    private RewardsViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fixture = new SessionFixture(dir);
        fixture.api.setCredits(12);
        fixture.signedIn();
        rewards = new FakeRewards(fixture.api);
        model = rewards.model(fixture);
        ScrollPane scroll = new ScrollPane(new RewardsView(model, fixture.messages));
        scroll.setFitToWidth(true);
        // the width the account screen's tabs get beside the navigation in a 1280 px window
        Scene scene = StudioScene.of(ThemeShots.root(scroll), 1040, 640);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void copyPutsTheLinkOnTheClipboardAndSaysSo(FxRobot robot) throws Exception {
        Button copy = robot.lookup("#rewards-invite-copy").queryAs(Button.class);
        assertThat(copy.isDisabled()).isTrue(); // nothing to copy before the link is known

        robot.interact(model::refresh);
        robot.clickOn("#rewards-invite-copy");

        assertThat(WaitForAsyncUtils.asyncFx(
                                () -> Clipboard.getSystemClipboard().getString())
                        .get())
                .isEqualTo("https://pixfino.example/join?ref=K7MPQR2X");
        assertThat(robot.lookup("#rewards-invite-copied").queryAs(Label.class).getText())
                .isEqualTo("Copied");
        assertThat(robot.lookup("#rewards-joined-value").queryAs(Label.class).getText())
                .isEqualTo("4");
        assertThat(robot.lookup("#rewards-earned-value").queryAs(Label.class).getText())
                .isEqualTo("10");
        assertThat(robot.lookup("#rewards-invite-off").queryAs(Label.class).isVisible())
                .isFalse();
        ThemeShots.save(robot, stage.getScene(), "account-invite");
    }

    @Test
    void aCodeIsRedeemedWithEnterAndASecondTryIsRefusedInline(FxRobot robot) throws Exception {
        rewards.summary =
                new ReferralSummary("K7MPQR2X", "https://pixfino.example/join?ref=K7MPQR2X", false, 5, 1, 0, 0);
        robot.interact(model::refresh);
        assertThat(robot.lookup("#rewards-invite-off").queryAs(Label.class).getText())
                .startsWith("Invites earn credits again when the program is on");
        assertThat(robot.lookup("#rewards-redeem-button").queryAs(Button.class).isDisabled())
                .isTrue();

        robot.clickOn("#rewards-redeem-code");
        robot.interact(() ->
                robot.lookup("#rewards-redeem-code").queryAs(TextField.class).replaceSelection("welcome10"));
        robot.type(KeyCode.ENTER);

        Label outcome = robot.lookup("#rewards-redeem-status").queryAs(Label.class);
        assertThat(outcome.getText()).isEqualTo("+10 credits: code WELCOME10 redeemed. Your balance is now 22.");
        assertThat(outcome.getStyleClass()).contains("tone-success");
        assertThat(fixture.session.creditsProperty().get()).isEqualTo(22);
        ThemeShots.save(robot, stage.getScene(), "account-redeem-done");

        robot.interact(() ->
                robot.lookup("#rewards-redeem-code").queryAs(TextField.class).setText("WELCOME10"));
        robot.clickOn("#rewards-redeem-button");

        assertThat(outcome.getText())
                .isEqualTo("You have already redeemed WELCOME10: each code works once per account.");
        assertThat(outcome.getStyleClass()).contains("tone-error");
        assertThat(fixture.session.creditsProperty().get()).isEqualTo(22);
        ThemeShots.save(robot, stage.getScene(), "account-redeem-refused");
    }
}
