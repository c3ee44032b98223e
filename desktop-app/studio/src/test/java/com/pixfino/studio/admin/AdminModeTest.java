package com.pixfino.studio.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.GenerationStatus;
import com.pixfino.model.Tier;
import com.pixfino.model.api.AdminUserView;
import com.pixfino.model.api.admin.AdminDailyStats;
import com.pixfino.model.api.admin.AdminStats;
import com.pixfino.model.api.admin.AuditEntryView;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.TestServer;
import com.pixfino.studio.testsupport.AdminFixtures;
import com.pixfino.studio.testsupport.RealStudio;
import com.pixfino.studio.testsupport.StudioHarness;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin mode on a real window against the real server, over known data the test seeded: an admin sees the admin
 * screens and figures equal to the server's, a user does not see them and their keys do nothing.
 */
class AdminModeTest {

    @RegisterExtension
    static final RealStudio real = RealStudio.serverPerClass();

    private static List<UUID> accounts;
    private static ApiClient admin;

    private StudioHarness studio;

    @TempDir
    Path home;

    @BeforeAll
    static void knownData() {
        accounts = AdminFixtures.seed(real.server());
        admin = real.server().testServer().client().login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    }

    @Test
    void theDashboardShowsTheServersFiguresInCardsAndCharts() throws Exception {
        studio = real.open(home);
        signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);

        studio.robot().push(KeyCode.CONTROL, KeyCode.DIGIT6);
        studio.awaitShowing("admin-dashboard-screen");
        studio.await(
                "the figures",
                () -> !studio.text("admin-kpi-users-value").equals("\u2013")
                        && !studio.showing("admin-dashboard-progress"));
        AdminStats stats = admin.get(ApiPaths.ADMIN_STATS).as(AdminStats.class);

        assertThat(stats.users().total()).isEqualTo(AdminFixtures.ACCOUNTS.size() + 1);
        assertThat(studio.text("admin-kpi-users-value"))
                .isEqualTo(Long.toString(stats.users().total()));
        assertThat(studio.text("admin-kpi-users-detail"))
                .isEqualTo(stats.users().newThisWeek() + " new this week");
        assertThat(studio.text("admin-kpi-active-value"))
                .isEqualTo(Long.toString(stats.users().active7d()));
        assertThat(studio.text("admin-kpi-generations-value"))
                .isEqualTo(Long.toString(stats.generations().today()));
        assertThat(studio.text("admin-kpi-generations-detail"))
                .isEqualTo(stats.generations().thisWeek() + " this week \u00b7 "
                        + stats.generations().total() + " in all");
        assertThat(studio.text("admin-kpi-subscriptions-value"))
                .isEqualTo(Long.toString(stats.subscriptions().active()))
                .isEqualTo("4");

        assertThat(bars("admin-chart-users-by-tier"))
                .containsExactly(
                        (double) stats.users().byTier().get(Tier.FREE),
                        (double) stats.users().byTier().get(Tier.STARTER),
                        (double) stats.users().byTier().get(Tier.PRO),
                        (double) stats.users().byTier().get(Tier.BUSINESS));
        assertThat(bars("admin-chart-generations-by-status"))
                .containsExactly(List.of(GenerationStatus.values()).stream()
                        .map(s -> (double) stats.generations().byStatus().get(s))
                        .toArray(Double[]::new));
        AdminStats.Credits credits = stats.credits();
        List<Double> creditBars = new java.util.ArrayList<>(StudioHarness.call(
                () -> studio.<XYChart<Number, String>>find("admin-chart-credits").getData().get(0).getData().stream()
                        .map(data -> data.getXValue().doubleValue())
                        .toList()));
        java.util.Collections.reverse(creditBars); // drawn top down
        assertThat(creditBars)
                .containsExactly(
                        (double) credits.granted(),
                        (double) credits.purchased(),
                        (double) credits.debited(),
                        (double) credits.refunded(),
                        (double) credits.adjusted(),
                        (double) credits.expired(),
                        (double) credits.outstanding());
        AdminDailyStats daily =
                admin.get(ApiPaths.ADMIN_STATS_DAILY + "?days=30").as(AdminDailyStats.class);
        assertThat(line("admin-chart-credits-spent", 0))
                .containsExactly(daily.days().stream()
                        .map(d -> (double) d.creditsSpent())
                        .toArray(Double[]::new));
        assertThat(line("admin-chart-credits-spent", 0)).anyMatch(value -> value > 0);
        assertThat(line("admin-chart-cost", 1))
                .containsExactly(daily.days().stream()
                        .map(d -> Double.parseDouble(d.actualCostUsd()))
                        .toArray(Double[]::new));
        assertThat(line("admin-chart-new-users", 1)).containsOnly(6.0); // the default target

        studio.screenshotBothThemes("admin-dashboard");
        studio.robot()
                .interact(
                        () -> studio.<ScrollPane>find("admin-dashboard-screen").setVvalue(0.45));
        studio.screenshotBothThemes("admin-dashboard-credits");
        studio.robot()
                .interact(
                        () -> studio.<ScrollPane>find("admin-dashboard-screen").setVvalue(1));
        studio.screenshotBothThemes("admin-dashboard-metrics");

        // F5 reads again: the same figures, fresh series
        Object before = StudioHarness.call(() -> studio.<XYChart<?, ?>>find("admin-chart-users-by-tier")
                .getData()
                .get(0));
        studio.robot().push(KeyCode.F5);
        studio.await(
                "the figures read again",
                () -> studio.<XYChart<?, ?>>find("admin-chart-users-by-tier")
                                .getData()
                                .get(0)
                        != before);
        assertThat(studio.text("admin-kpi-users-value"))
                .isEqualTo(Long.toString(stats.users().total()));
    }

    @Test
    void anAdminSearchesAdjustsCreditsAndSuspendsAndLiftsItWithKeyboardAndMouse() throws Exception {
        studio = real.open(home);
        signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        studio.robot().push(KeyCode.CONTROL, KeyCode.DIGIT7);
        studio.awaitShowing("admin-users-screen");
        studio.await("every account", () -> rows() == AdminFixtures.ACCOUNTS.size() + 1);
        studio.screenshotBothThemes("admin-users");

        // sorted by the server: the header click asks for credits, fewest first
        studio.click("admin-users-sort-credits");
        studio.await("the fewest credits first", () -> {
            List<Integer> credits = StudioHarness.call(
                    () -> studio.<TableView<AdminUserView>>find("admin-users-table").getItems().stream()
                            .map(AdminUserView::credits)
                            .toList());
            return credits.size() == AdminFixtures.ACCOUNTS.size() + 1
                    && credits.equals(credits.stream().sorted().toList());
        });

        studio.type("admin-users-search", "ada");
        studio.await("only Ada", () -> rows() == 1);
        int before = balance("ada@example.com");
        studio.robot().clickOn(row("ada@example.com"));
        studio.robot().type(KeyCode.ENTER); // Enter on the row opens "Adjust credits"
        studio.awaitShowing("admin-adjust-panel");
        studio.type("admin-adjust-amount", "-" + (before + 5));
        studio.await(
                "the refusal below zero",
                () -> studio.text("admin-adjust-preview").startsWith("The balance cannot go below zero"));
        studio.robot()
                .interact(() -> studio.<TextField>find("admin-adjust-amount").setText(""));
        studio.type("admin-adjust-amount", "+15");
        studio.type("admin-adjust-reason", "Support goodwill");
        assertThat(studio.text("admin-adjust-preview"))
                .isEqualTo("Balance: " + before + " → " + (before + 15) + " credits after saving.");
        studio.screenshotBothThemes("admin-users-adjust");
        studio.robot().type(KeyCode.ENTER);
        studio.await("the change saved", () -> !studio.showing("admin-adjust-panel"));

        assertThat(balance("ada@example.com")).isEqualTo(before + 15);
        assertThat(studio.text("admin-users-status"))
                .isEqualTo("Added 15 credits to Ada Lovelace: the balance is " + (before + 15) + ".");

        // suspend Grace and lift it again, with the buttons
        studio.robot()
                .interact(() -> studio.<TextField>find("admin-users-search").setText(""));
        studio.type("admin-users-search", "grace");
        studio.await("only Grace", () -> rows() == 1);
        studio.robot().clickOn(row("grace@example.com"));
        studio.click("admin-users-suspend");
        studio.awaitShowing("admin-suspend-panel");
        assertThat(StudioHarness.call(
                        () -> studio.<Button>find("admin-suspend-confirm").isDisabled()))
                .isTrue(); // a reason first
        studio.type("admin-suspend-reason", "Chargeback");
        studio.robot().type(KeyCode.ENTER);
        studio.await("Grace suspended", () -> studio.text("admin-users-status").equals("Grace Hopper is suspended."));
        ApiClient.Answer refused = real.server()
                .testServer()
                .client()
                .post(
                        ApiPaths.LOGIN,
                        java.util.Map.of("email", "grace@example.com", "password", AdminFixtures.PASSWORD));
        assertThat(refused.status()).isEqualTo(403);

        studio.click("admin-users-suspend"); // the selected row, now "Unsuspend…"
        studio.awaitShowing("admin-suspend-panel");
        studio.click("admin-suspend-confirm");
        studio.await("Grace back", () -> studio.text("admin-users-status").equals("Grace Hopper can sign in again."));
        assertThat(real.server()
                        .testServer()
                        .client()
                        .post(
                                ApiPaths.LOGIN,
                                java.util.Map.of("email", "grace@example.com", "password", AdminFixtures.PASSWORD))
                        .status())
                .isEqualTo(200);

        // the admin's own row cannot be suspended
        studio.robot()
                .interact(() -> studio.<TextField>find("admin-users-search").setText(""));
        studio.type("admin-users-search", "admin@pixfino");
        studio.await("only the admin", () -> rows() == 1);
        studio.robot().clickOn(row(TestServer.ADMIN_EMAIL));
        assertThat(StudioHarness.call(
                        () -> studio.<Button>find("admin-users-suspend").isDisabled()))
                .isTrue();
        studio.robot().push(KeyCode.ESCAPE);

        // the audit log shows the adjustment and both suspension changes, newest first
        studio.robot().push(KeyCode.CONTROL, KeyCode.DIGIT0);
        studio.awaitShowing("admin-audit-screen");
        studio.await("the audit rows", () -> auditRows() >= 3);
        List<AuditEntryView> newest =
                StudioHarness.call(() -> studio.<TableView<AuditEntryView>>find("admin-audit-table").getItems().stream()
                        .limit(3)
                        .toList());
        assertThat(newest)
                .extracting(AuditEntryView::action)
                .containsExactly("user_unsuspended", "user_suspended", "credits_adjusted");
        assertThat(newest.get(2).reason()).isEqualTo("Support goodwill");
        assertThat(newest.get(2).before()).containsEntry("credits", before);
        assertThat(newest.get(2).after()).containsEntry("credits", before + 15);
        studio.await(
                "the adjustment's row drawn",
                () -> studio.robot()
                        .lookup("#admin-audit-table .table-cell")
                        .match(org.testfx.matcher.control.LabeledMatchers.hasText(
                                "credits: " + before + " \u2192 " + (before + 15)))
                        .tryQuery()
                        .isPresent());
        studio.screenshotBothThemes("admin-audit");
    }

    @Test
    void aUserSeesNoAdminScreensAndTheirKeysDoNothing() throws Exception {
        studio = real.open(home);
        studio.register("Una User", "una-" + UUID.randomUUID() + "@example.com", "Plain-User-42");

        assertThat(studio.showing("nav-create")).isTrue();
        for (String id : List.of("admin-dashboard", "admin-users", "admin-audit")) {
            assertThat(studio.robot().lookup("#nav-" + id).tryQuery()).as(id).isEmpty();
        }
        studio.robot().push(KeyCode.CONTROL, KeyCode.DIGIT6);
        studio.robot().push(KeyCode.CONTROL, KeyCode.DIGIT7);
        studio.robot().push(KeyCode.CONTROL, KeyCode.DIGIT0);
        assertThat(studio.robot().lookup("#admin-dashboard-screen").tryQuery()).isEmpty();
        assertThat(studio.robot().lookup("#admin-users-screen").tryQuery()).isEmpty();
        assertThat(studio.robot().lookup("#admin-audit-screen").tryQuery()).isEmpty();
        assertThat(StudioHarness.call(() -> studio.<javafx.scene.control.ToggleButton>find("nav-create")
                        .isSelected()))
                .as("still on Create")
                .isTrue();
    }

    private void signIn(String email, String password) {
        studio.await(
                "the server to answer", () -> studio.text("connection-status").startsWith("Connected"));
        studio.type("signin-email", email);
        studio.type("signin-password", password);
        studio.robot().type(KeyCode.ENTER);
        studio.awaitShowing("shell");
    }

    /** The users table's row of {@code email}. */
    private javafx.scene.Node row(String email) {
        studio.await("the row of " + email, () -> rowNode(email).isPresent());
        return rowNode(email).orElseThrow();
    }

    private java.util.Optional<javafx.scene.Node> rowNode(String email) {
        return studio.robot()
                .lookup("#admin-users-table .table-row-cell")
                .match(node -> node instanceof javafx.scene.control.TableRow<?> row
                        && row.isVisible()
                        && !row.isEmpty()
                        && row.getIndex() < row.getTableView().getItems().size()
                        && row.getItem() instanceof AdminUserView user
                        && email.equals(user.email()))
                .tryQuery();
    }

    private int rows() {
        return StudioHarness.call(
                () -> studio.<TableView<?>>find("admin-users-table").getItems().size());
    }

    private int auditRows() {
        return StudioHarness.call(
                () -> studio.<TableView<?>>find("admin-audit-table").getItems().size());
    }

    /** The account's balance as the server's admin list says it. */
    private static int balance(String email) {
        return admin.get(ApiPaths.ADMIN_USERS + "?q=" + email)
                .page(AdminUserView.class)
                .items()
                .get(0)
                .credits();
    }

    private List<Double> bars(String id) {
        return StudioHarness.call(() -> studio.<XYChart<String, Number>>find(id).getData().get(0).getData().stream()
                .map(data -> data.getYValue().doubleValue())
                .toList());
    }

    private List<Double> line(String id, int series) {
        return StudioHarness.call(
                () -> studio.<XYChart<Number, Number>>find(id).getData().get(series).getData().stream()
                        .map(data -> data.getYValue().doubleValue())
                        .toList());
    }
}
