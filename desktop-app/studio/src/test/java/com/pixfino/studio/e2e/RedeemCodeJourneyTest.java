package com.pixfino.studio.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.LedgerKind;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.TestServer;
import com.pixfino.studio.admin.AdminSignIn;
import com.pixfino.studio.core.admin.PromoCode;
import com.pixfino.studio.testsupport.RealStudio;
import com.pixfino.studio.testsupport.StudioHarness;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance "redeem a code" (issue 16), on a real window against the real server: an admin creates a code on the
 * Growth screen, a user redeems it in Account and the balance shows the credits at once; a second try is refused as
 * already redeemed and adds nothing. And the dashboard shows the server's referral figures.
 */
class RedeemCodeJourneyTest {

    private static final String EMAIL = "rita@example.com";
    private static final String PASSWORD = "Redeem-Me-42";

    @RegisterExtension
    static final RealStudio real = RealStudio.serverPerClass();

    private StudioHarness studio;

    @TempDir
    Path home;

    @Test
    void theDashboardCountsWhoJoinedWithAnInviteCode() throws Exception {
        ApiClient admin = real.server().testServer().client().login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        String referralCode = (String) admin.get(ApiPaths.ME).as(Map.class).get("referralCode");
        ApiClient.Answer joined = real.server()
                .testServer()
                .client()
                .post(
                        ApiPaths.REGISTER,
                        Map.of(
                                "email",
                                "friend@example.com",
                                "password",
                                "Invited-By-42",
                                "name",
                                "Invited Friend",
                                "referralCode",
                                referralCode.toLowerCase(java.util.Locale.ROOT)));
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);

        studio = real.open(home);
        AdminSignIn.signIn(studio);
        studio.robot().push(KeyCode.CONTROL, KeyCode.DIGIT6);
        studio.awaitShowing("admin-referrals");
        studio.await(
                "the referral figures",
                () -> studio.text("admin-referrals-joined").equals("1"));
        assertThat(studio.text("admin-referrals-rewarded")).isEqualTo("0");
        studio.screenshotBothThemes("admin-dashboard-referrals");

        // the program is switched on in the growth settings, and the server keeps it
        studio.robot().push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.G);
        studio.awaitShowing("admin-growth-screen");
        studio.await(
                "the settings", () -> !studio.find("admin-growth-referrals").isDisabled());
        studio.robot()
                .interact(() -> studio.<javafx.scene.control.ScrollPane>find("admin-growth-screen")
                        .setVvalue(1));
        studio.click("admin-growth-referrals");
        studio.robot()
                .interact(() -> studio.<TextField>find("admin-growth-reward").setText("7"));
        studio.click("admin-growth-settings-save");
        studio.await(
                "the settings saved",
                () -> studio.text("admin-growth-settings-status").startsWith("Saved: referrals are on, 7 credits"));
        Map<?, ?> stored = admin.get("/api/v1/admin/settings").as(Map.class);
        assertThat(stored.get("referralsEnabled")).isEqualTo(true);
        assertThat(stored.get("referralCredits")).isEqualTo(7);
        assertThat(stored.get("referralMonthlyCap")).isEqualTo(20);
        assertThat(stored.get("launchPromoFrom")).isNull();
        studio.screenshotBothThemes("admin-growth-settings-saved");

        // a code created and expired at once: the server stops it
        studio.robot()
                .interact(() -> studio.<javafx.scene.control.ScrollPane>find("admin-growth-screen")
                        .setVvalue(0));
        studio.type("admin-growth-code", "SPRING-26");
        studio.click("admin-growth-create");
        studio.await(
                "the new code",
                () -> codes().stream().anyMatch(code -> code.code().equals("SPRING-26")));
        studio.robot()
                .interact(() -> studio.<TableView<PromoCode>>find("admin-growth-table")
                        .getSelectionModel()
                        .select(0));
        studio.click("admin-growth-expire");
        studio.click("admin-growth-expire-confirm");
        studio.await("the code expired", () -> codes().get(0).status() == PromoCode.Status.EXPIRED);
        String listed = admin.get("/api/v1/admin/promo-codes").body();
        assertThat(listed).contains("\"code\":\"SPRING-26\"").contains("\"status\":\"expired\"");
    }

    @Test
    void anAdminCreatesACodeAndAUserRedeemsItOnce() throws Exception {
        studio = real.open(home);
        AdminSignIn.signIn(studio);
        studio.robot().push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.G);
        studio.awaitShowing("admin-growth-screen");
        studio.await("the promo codes", () -> !studio.showing("admin-growth-progress"));
        studio.type("admin-growth-code", "welcome25");
        studio.robot()
                .interact(() -> studio.<TextField>find("admin-growth-credits").setText("25"));
        studio.click("admin-growth-create");
        studio.await(
                "the new code in the list",
                () -> codes().stream()
                        .anyMatch(code -> code.code().equals("WELCOME25")
                                && code.status() == PromoCode.Status.ACTIVE
                                && code.credits() == 25));
        assertThat(studio.text("admin-growth-status"))
                .isEqualTo("Created WELCOME25: 25 credits, up to 100 redemptions.");
        studio.screenshotBothThemes("admin-growth-created");

        // a user signs up and redeems it
        studio.robot().push(KeyCode.CONTROL, KeyCode.DIGIT4);
        studio.click("sign-out");
        studio.awaitShowing("signin-email");
        studio.robot().interact(() -> studio.<TextField>find("signin-email").clear()); // the last address stays
        studio.register("Rita Redeemer", EMAIL, PASSWORD);
        // the Growth screen is for administrators only: no entry, and its key does nothing
        assertThat(studio.robot().lookup("#nav-admin-growth").tryQuery()).isEmpty();
        studio.robot().push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.G);
        assertThat(studio.robot().lookup("#admin-growth-screen").tryQuery()).isEmpty();
        int before = StudioHarness.call(
                () -> studio.context().session().creditsProperty().get());
        studio.robot().push(KeyCode.CONTROL, KeyCode.DIGIT4);
        studio.click("account-tab-invite");
        String code = (String) real.server()
                .testServer()
                .client()
                .login(EMAIL, PASSWORD)
                .get(ApiPaths.ME)
                .as(Map.class)
                .get("referralCode");
        studio.await(
                "the invite link",
                () -> studio.<TextField>find("rewards-invite-link").getText().endsWith("/join?ref=" + code));
        assertThat(studio.text("rewards-joined-value")).isEqualTo("0");
        studio.type("rewards-redeem-code", "Welcome25");
        studio.robot().type(KeyCode.ENTER);

        studio.await("the grant", () -> studio.text("rewards-redeem-status").startsWith("+25 credits"));
        assertThat(studio.text("rewards-redeem-status"))
                .isEqualTo("+25 credits: code WELCOME25 redeemed. Your balance is now " + (before + 25) + ".");
        studio.await("the header's balance", () -> studio.text("header-balance").equals((before + 25) + " credits"));
        List<LedgerEntryView> ledger = real.server().ledger(EMAIL, PASSWORD);
        assertThat(ledger.get(0).kind()).isEqualTo(LedgerKind.GRANT);
        assertThat(ledger.get(0).amount()).isEqualTo(25);
        assertThat(ledger.get(0).balanceAfter()).isEqualTo(before + 25);
        studio.screenshotBothThemes("account-redeem");

        // the same code again: refused, nothing added
        studio.type("rewards-redeem-code", "WELCOME25");
        studio.click("rewards-redeem-button");
        studio.await(
                "the refusal",
                () -> studio.text("rewards-redeem-status")
                        .equals("You have already redeemed WELCOME25: each code works once per account."));
        assertThat(studio.text("header-balance")).isEqualTo((before + 25) + " credits");
        assertThat(real.server().ledger(EMAIL, PASSWORD)).hasSameSizeAs(ledger);
        studio.screenshotBothThemes("account-redeem-already");
    }

    private List<PromoCode> codes() {
        return List.copyOf(
                studio.<TableView<PromoCode>>find("admin-growth-table").getItems());
    }
}
