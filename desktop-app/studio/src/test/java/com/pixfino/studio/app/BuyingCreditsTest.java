package com.pixfino.studio.app;

import static com.pixfino.studio.testsupport.OnFx.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.studio.concurrent.FxTaskExecutor;
import com.pixfino.studio.connection.ServerConnectionViewModel;
import com.pixfino.studio.core.companion.LocalCompanion;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.connection.ServerAnswersProbe;
import com.pixfino.studio.core.net.CompanionClients;
import com.pixfino.studio.core.net.CompanionJson;
import com.pixfino.studio.core.settings.StudioPaths;
import com.pixfino.studio.core.testsupport.PhotoFiles;
import com.pixfino.studio.session.SignInViewModel;
import com.pixfino.studio.testsupport.FileDrop;
import com.pixfino.studio.testsupport.LightTheme;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.testsupport.StudioScene;
import com.pixfino.studio.testsupport.ThemeShots;
import com.pixfino.studio.theme.ThemeMode;
import com.pixfino.studio.theme.ThemeViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The studio's real features and shell over the fake server: buying a pack through the "browser" (a hook the test
 * completes as Stripe and the webhook would), and every way that leads to "Plans & credits". Saves screenshots.
 */
@ExtendWith({LightTheme.class, ApplicationExtension.class})
class BuyingCreditsTest {

    @TempDir
    Path dir;

    private final BlockingQueue<String> browser = new LinkedBlockingQueue<>();
    private FxTaskExecutor tasks;
    private SessionFixture fixture;
    private CompanionClients clients;
    private LocalCompanion companion;
    private Features features;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        tasks = new FxTaskExecutor("billing-test", 1);
        fixture = new SessionFixture(dir, tasks);
        fixture.api.setLowCreditThreshold(8); // the server's default: 5 credits is low
        clients = CompanionClients.withDefaults(CompanionJson.mapper(), UiThreadGuard.NONE);
        companion = new LocalCompanion(
                Optional.empty(),
                Path.of("java"),
                dir.resolve("companion.log"),
                new ServerAnswersProbe(clients),
                Duration.ofSeconds(1));
        features = new Features(
                new StudioPaths(dir, dir),
                UiThreadGuard.NONE,
                tasks,
                fixture.session,
                fixture.sessions,
                new ServerConnectionViewModel(tasks, clients, companion, fixture.messages, fixture.serverUrl),
                fixture.messages,
                browser::add,
                new javafx.beans.property.SimpleStringProperty(),
                new javafx.beans.property.SimpleLongProperty(
                        com.pixfino.studio.core.settings.OriginalsCache.DEFAULT_CAP_BYTES),
                new javafx.beans.property.SimpleObjectProperty<>(
                        com.pixfino.studio.core.admin.DashboardTargets.DEFAULTS));
        SignInViewModel signIn = new SignInViewModel(
                tasks,
                url -> fixture.api,
                fixture.sessions,
                fixture.serverUrl,
                new SimpleBooleanProperty(true),
                fixture.messages);
        ThemeViewModel theme = new ThemeViewModel(new SimpleObjectProperty<>(ThemeMode.LIGHT));
        Scene scene = StudioScene.of(features.createMainView(theme, signIn), 1280, 800);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        features.close();
        tasks.close();
        companion.close();
        clients.close();
    }

    @Test
    void buyingAPackInTheBrowserEndsWithTheNewBalanceOnScreen(FxRobot robot) throws Exception {
        signIn(robot);
        click(robot, "nav-account");
        click(robot, "account-tab-plans");
        await(
                "the packs",
                () -> showing(robot, "pack-pack-50-buy")
                        && !robot.lookup("#pack-pack-50-buy").queryButton().isDisabled());
        assertThat(text(robot, "plan-free-current")).isEqualTo("Current plan");
        assertThat(text(robot, "plan-starter-action")).isEqualTo("Subscribe");
        assertThat(text(robot, "pack-pack-50-price")).isEqualTo("$11.99");
        screenshots(robot, "plans");

        click(robot, "pack-pack-50-buy");

        String checkout = browser.poll(10, TimeUnit.SECONDS);
        assertThat(checkout).isEqualTo("https://checkout.stripe.test/c/pay/cs_test_1");
        await(
                "the waiting notice",
                () -> text(robot, "payment-status").startsWith("Finish the payment in your browser"));
        assertThat(showing(robot, "payment-check")).isTrue();
        assertThat(showing(robot, "payment-stop")).isTrue();
        assertInSight(robot, "payment-stop", ".plans-scroll");
        screenshots(robot, "plans-waiting");

        robot.interact(fixture.api::completeCheckout); // the buyer paid: Stripe told the server, the server tells us

        await("the payment", () -> text(robot, "payment-status").equals("Payment received: +50 credits"));
        await(
                "the new balance in the header",
                () -> text(robot, "header-balance").equals("55 credits"));
        assertThat(text(robot, "account-balance-value")).isEqualTo("55");
        await("the low-credit alert to go", () -> !showing(robot, "credit-alert"));
        await("the invoice", () -> showing(robot, "invoice-in_test_1-open"));
        screenshots(robot, "plans-received");
    }

    @Test
    void theLowCreditAlertLeadsToThePlans(FxRobot robot) {
        signIn(robot);
        await("the alert", () -> showing(robot, "credit-alert"));
        assertThat(text(robot, "credit-alert-text"))
                .isEqualTo("You are running low: 5 credits left. Top up to keep creating.");
        assertThat(showing(robot, "create-screen")).isTrue();
        screenshots(robot, "credit-alert");

        click(robot, "credit-alert-action");

        await("the plans", () -> showing(robot, "plans"));
        assertThat(robot.lookup("#account-tabs")
                        .queryAs(TabPane.class)
                        .getSelectionModel()
                        .getSelectedIndex())
                .isEqualTo(1);
        click(robot, "credit-alert-dismiss");
        assertThat(showing(robot, "credit-alert")).isFalse();
    }

    @Test
    void theCreateScreensRefusalForCreditsAndAProStyleLeadToThePlans(FxRobot robot) throws Exception {
        signIn(robot);
        Path photo = PhotoFiles.portrait(dir, "selfie.jpg");
        await("the drop zone", () -> showing(robot, "photo-drop-zone"));
        robot.interact(() -> FileDrop.drop(robot.lookup("#photo-drop-zone").query(), photo));
        await("the styles", () -> showing(robot, "preset-snow-princess"));

        assertThat(text(robot, "preset-vogue-cover-lock")).isEqualTo("Needs a paid plan");
        click(robot, "preset-vogue-cover");
        await(
                "See plans",
                () -> showing(robot, "create-upsell")
                        && text(robot, "create-upsell").equals("See plans"));
        screenshots(robot, "create-pro-locked");

        click(robot, "preset-snow-princess");
        await("Generate", () -> !robot.lookup("#generate").queryButton().isDisabled());
        robot.interact(() -> fixture.api.setCredits(2)); // spent on another computer: this studio still shows 5
        click(robot, "generate");

        await("the refusal", () -> text(robot, "create-status").equals("Not enough credits: this costs 4."));
        await(
                "Buy credits",
                () -> showing(robot, "create-upsell")
                        && text(robot, "create-upsell").equals("Buy credits"));
        screenshots(robot, "create-402");

        click(robot, "create-upsell");

        await("the plans", () -> showing(robot, "plans"));
        assertThat(showing(robot, "account-screen")).isTrue();
    }

    @Test
    void theKeyboardReachesThePlansAndBuys(FxRobot robot) throws Exception {
        signIn(robot);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT4); // the account screen
        WaitForAsyncUtils.waitForFxEvents();
        await("the account", () -> showing(robot, "account-screen"));
        robot.interact(() -> robot.lookup("#account-tabs").query().requestFocus());
        robot.push(KeyCode.CONTROL, KeyCode.TAB); // the next tab
        await(
                "the packs",
                () -> showing(robot, "pack-pack-20-buy")
                        && !robot.lookup("#pack-pack-20-buy").queryButton().isDisabled());

        robot.interact(() -> robot.lookup("#pack-pack-20-buy").query().requestFocus());
        robot.push(KeyCode.SPACE);

        assertThat(browser.poll(10, TimeUnit.SECONDS)).isEqualTo("https://checkout.stripe.test/c/pay/cs_test_1");
        await("Stop waiting", () -> showing(robot, "payment-stop"));
        robot.interact(() -> robot.lookup("#payment-stop").query().requestFocus());
        robot.push(KeyCode.SPACE);
        await("the stop", () -> text(robot, "payment-status").startsWith("Stopped waiting."));
    }

    @Test
    void aFailedRenewalWarnsAndPlanChangesGoToThePortal(FxRobot robot) throws Exception {
        fixture.api.checkout("starter");
        fixture.api.completeCheckout();
        fixture.api.renewalFailed();
        signIn(robot);
        await("the warning", () -> showing(robot, "credit-alert"));
        assertThat(text(robot, "credit-alert-action")).isEqualTo("Update payment");

        click(robot, "credit-alert-action");

        await("the plans", () -> showing(robot, "plan-starter-current"));
        assertThat(text(robot, "plans-past-due")).startsWith("The last payment for your Starter plan failed.");
        assertThat(text(robot, "plan-pro-action")).isEqualTo("Change plan");
        await("the invoice", () -> showing(robot, "invoice-in_test_1-open"));
        screenshots(robot, "plans-past-due");

        click(robot, "plan-pro-action");

        assertThat(browser.poll(10, TimeUnit.SECONDS)).isEqualTo("https://billing.stripe.test/p/session/test_1");
        await("the portal notice", () -> text(robot, "portal-notice").startsWith("The billing portal is open"));
    }

    @Test
    void withoutBillingConfiguredTheButtonsAreOffAndSayWhy(FxRobot robot) {
        fixture.api.billingConfigured = false;
        signIn(robot);
        click(robot, "nav-account");
        click(robot, "account-tab-plans");

        await("the reason", () -> showing(robot, "plans-unavailable"));
        await("the packs", () -> showing(robot, "pack-pack-20-buy"));
        Button buy = robot.lookup("#pack-pack-20-buy").queryButton();
        assertThat(buy.isDisabled()).isTrue();
        assertThat(buy.getText()).isEqualTo("Payments not set up");
        assertThat(robot.lookup("#plan-pro-action").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#manage-billing").queryButton().isDisabled()).isTrue();
        assertThat(text(robot, "plans-unavailable")).startsWith("Payments are not set up on this Pixfino server");
        screenshots(robot, "plans-unavailable");
    }

    private void signIn(FxRobot robot) {
        robot.interact(fixture::signedIn);
        await("the studio", () -> showing(robot, "shell"));
    }

    private static void click(FxRobot robot, String id) {
        await("#" + id, () -> showing(robot, id));
        robot.clickOn("#" + id);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return call(() -> ((Labeled) robot.lookup("#" + id).query()).getText());
    }

    private static boolean showing(FxRobot robot, String id) {
        return call(() -> robot.lookup("#" + id)
                .tryQuery()
                .map(node -> node.getScene() != null && treeVisible(node))
                .orElse(false));
    }

    private static boolean treeVisible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The node lies inside the window and inside the part of its scroll pane that shows. */
    private void assertInSight(FxRobot robot, String id, String scrollPane) {
        Node node = robot.lookup("#" + id).query();
        var bounds = call(() -> node.localToScene(node.getBoundsInLocal()));
        assertThat(bounds.getMaxX())
                .as(id + " right edge")
                .isLessThanOrEqualTo(stage.getScene().getWidth());
        assertThat(bounds.getMaxY())
                .as(id + " bottom edge")
                .isLessThanOrEqualTo(stage.getScene().getHeight());
        ScrollPane scroll = robot.lookup(scrollPane).queryAs(ScrollPane.class);
        var viewport = call(() -> scroll.localToScene(scroll.getBoundsInLocal()));
        assertThat(bounds.getMinY()).as(id + " in the scrolled view").isGreaterThanOrEqualTo(viewport.getMinY());
        assertThat(bounds.getMaxY()).as(id + " in the scrolled view").isLessThanOrEqualTo(viewport.getMaxY());
    }

    private static void await(String what, Supplier<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::get);
        } catch (TimeoutException e) {
            throw new AssertionError("waited 15 s for " + what, e);
        }
    }

    private void screenshots(FxRobot robot, String name) {
        ThemeShots.save(robot, stage.getScene(), name);
    }
}
