package com.pixfino.studio.admin.growth;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.studio.core.admin.PromoCode;
import com.pixfino.studio.testsupport.FakeGrowthApi;
import com.pixfino.studio.testsupport.LightTheme;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.testsupport.StudioScene;
import com.pixfino.studio.testsupport.ThemeShots;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The admin growth screen as an admin uses it: create a code, expire one after the confirm, edit the settings. */
@ExtendWith({LightTheme.class, ApplicationExtension.class})
class GrowthViewTest {

    @TempDir
    Path dir;

    private SessionFixture fixture;
    private FakeGrowthApi growth;
    private GrowthView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        GrowthFixture growthFixture = new GrowthFixture(dir);
        fixture = growthFixture.session;
        growth = growthFixture.growth;
        growth.codes.add(FakeGrowthApi.code("BLACKFRIDAY", 87, 100, PromoCode.Status.ACTIVE));
        growth.codes.add(FakeGrowthApi.code("PRESS2026", 20, 20, PromoCode.Status.USED_UP));
        growth.codes.add(FakeGrowthApi.code("BETA", 4, 500, PromoCode.Status.EXPIRED));
        view = new GrowthView(growthFixture.promoCodes(), growthFixture.settings(), fixture.messages, ZoneOffset.UTC);
        // the width an admin screen gets beside the navigation in a 1280 px window
        Scene scene = StudioScene.of(ThemeShots.root(view), 1090, 800);
        stage.setScene(scene);
        stage.show();
        view.shown();
    }

    @Test
    void anAdminCreatesACodeAndExpiresAnotherAfterTheConfirm(FxRobot robot) {
        ThemeShots.save(robot, stage.getScene(), "admin-growth");

        robot.clickOn("#admin-growth-code");
        robot.interact(() ->
                robot.lookup("#admin-growth-code").queryAs(TextField.class).replaceSelection("bad code"));
        assertThat(robot.lookup("#admin-growth-code-error").queryAs(Label.class).getText())
                .isEqualTo("3 to 32 letters, digits, - or _ (no spaces).");
        robot.interact(() ->
                robot.lookup("#admin-growth-to-time").queryAs(TextField.class).setText("7:00"));
        robot.interact(() -> robot.lookup("#admin-growth-to-date").query().requestFocus());
        ThemeShots.save(robot, stage.getScene(), "admin-growth-invalid");

        robot.interact(() -> {
            robot.lookup("#admin-growth-code").queryAs(TextField.class).setText("LAUNCH50");
            robot.lookup("#admin-growth-to-time").queryAs(TextField.class).setText("9:05");
        });
        robot.clickOn("#admin-growth-create");

        TableView<PromoCode> table = robot.lookup("#admin-growth-table").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(PromoCode::code).startsWith("LAUNCH50", "BLACKFRIDAY");
        assertThat(robot.lookup("#admin-growth-status").queryAs(Label.class).getText())
                .isEqualTo("Created LAUNCH50: 10 credits, up to 100 redemptions.");

        Button expire = robot.lookup("#admin-growth-expire").queryAs(Button.class);
        robot.interact(() -> table.getSelectionModel().select(2)); // PRESS2026, used up
        assertThat(expire.isDisabled()).isTrue();
        robot.interact(() -> table.getSelectionModel().select(1)); // BLACKFRIDAY, active
        robot.clickOn("#admin-growth-expire");
        assertThat(robot.lookup("#admin-growth-expire-question")
                        .queryAs(Label.class)
                        .getText())
                .startsWith("Expire BLACKFRIDAY now?");
        ThemeShots.save(robot, stage.getScene(), "admin-growth-expire");
        robot.clickOn("#admin-growth-expire-confirm");

        assertThat(table.getItems().get(1).status()).isEqualTo(PromoCode.Status.EXPIRED);
        assertThat(robot.lookup("#admin-growth-expire-panel").query().isVisible())
                .isFalse();
    }

    @Test
    void theSettingsAreEditedWithInlineChecksAndSaved(FxRobot robot) {
        robot.interact(() -> view.setVvalue(1));
        Button save = robot.lookup("#admin-growth-settings-save").queryAs(Button.class);
        assertThat(save.isDisabled()).isTrue();

        robot.clickOn("#admin-growth-referrals");
        robot.clickOn("#admin-growth-promo");
        robot.interact(() ->
                robot.lookup("#admin-growth-reward").queryAs(TextField.class).setText("0"));
        assertThat(robot.lookup("#admin-growth-reward-error")
                        .queryAs(Label.class)
                        .getText())
                .isEqualTo("A whole number from 1 to 1,000.");
        assertThat(save.isDisabled()).isTrue();
        robot.interact(() -> view.setVvalue(1));
        ThemeShots.save(robot, stage.getScene(), "admin-growth-settings-invalid");

        robot.interact(() ->
                robot.lookup("#admin-growth-reward").queryAs(TextField.class).setText("8"));
        robot.clickOn("#admin-growth-settings-save");

        assertThat(growth.saved).hasSize(1);
        assertThat(growth.saved.get(0).referralsEnabled()).isTrue();
        assertThat(growth.saved.get(0).referralCredits()).isEqualTo(8);
        assertThat(growth.saved.get(0).launchPromoFrom()).isEqualTo(Instant.parse("2026-11-28T09:00:00Z"));
        assertThat(robot.lookup("#admin-growth-settings-status")
                        .queryAs(Label.class)
                        .getText())
                .startsWith("Saved: referrals are on, 8 credits each side");
        robot.interact(() -> view.setVvalue(1));
        ThemeShots.save(robot, stage.getScene(), "admin-growth-settings");
    }
}
