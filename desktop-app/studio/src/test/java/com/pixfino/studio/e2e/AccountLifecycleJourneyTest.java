package com.pixfino.studio.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.ToggleSwitch;
import com.pixfino.model.ApiPaths;
import com.pixfino.studio.core.testsupport.MailFiles;
import com.pixfino.studio.testsupport.RealStudio;
import com.pixfino.studio.testsupport.StudioHarness;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 in the real studio against the real server, whose mail is written as .eml files and read back here as a
 * person reads it: "Forgot password?" with the mailed link; in Account the password changed, the email choices saved,
 * and a change of address applied by its link.
 */
class AccountLifecycleJourneyTest {

    private static final String PASSWORD = "Sunset-Lake-42";
    private static final String NEW_PASSWORD = "Harbour-Light-77";

    @RegisterExtension
    static final RealStudio real = RealStudio.serverPerClass();

    private static MailFiles mail;
    private StudioHarness studio;

    @BeforeAll
    static void readTheServersMail() {
        mail = new MailFiles(real.server().testServer().config().dataDir());
    }

    @Test
    void aForgottenPasswordIsResetFromTheMailedLinkAndSignsIn(@TempDir Path home) throws Exception {
        String email = "forgot@example.com";
        studio = real.open(home);
        studio.register("Ana", email, PASSWORD);
        // unconfirmed: the account screen says so, with the way to a new link
        studio.click("nav-account");
        studio.awaitShowing("verify-banner");
        studio.click("account-tab-security");
        studio.await("the address", () -> studio.text("security-email").equals(email));
        studio.awaitShowing("security-resend");
        studio.screenshotBothThemes("account-security-unconfirmed");
        studio.click("verify-banner-resend");
        studio.await(
                "the server's answer",
                () -> studio.text("verify-banner-status").startsWith("A new verification link is on its way"));
        studio.screenshotBothThemes("account-verify-banner-resent");
        studio.click("sign-out");

        studio.click("signin-forgot");
        studio.awaitShowing("forgot-email");
        assertThat(fieldText("forgot-email")).as("the address typed at sign-in").isEqualTo(email);
        studio.robot().type(KeyCode.ESCAPE);
        studio.awaitShowing("signin-password");
        assertThat(studio.showing("forgot-pane")).as("Esc closes it").isFalse();
        studio.click("signin-forgot");
        studio.awaitShowing("forgot-email");
        studio.screenshotBothThemes("signin-forgot-email");
        studio.robot().type(KeyCode.ENTER); // sends the link
        studio.awaitShowing("forgot-link");
        assertThat(studio.text("forgot-sent")).startsWith("If an account has this address");

        String link = mail.awaitLink(email, ApiPaths.RESET_PASSWORD_PAGE, 1).link(ApiPaths.RESET_PASSWORD_PAGE);
        studio.type("forgot-link", link);
        studio.type("forgot-password", NEW_PASSWORD);
        studio.type("forgot-repeat", NEW_PASSWORD + "!");
        studio.robot().type(KeyCode.ENTER);
        studio.await(
                "the mismatch named",
                () -> studio.text("forgot-repeat-error").equals("The two passwords are not the same."));
        studio.screenshotBothThemes("signin-forgot-link");
        studio.robot().type(KeyCode.BACK_SPACE);
        studio.robot().type(KeyCode.ENTER);

        studio.await(
                "the sign-in form again",
                () -> studio.showing("signin-notice")
                        && studio.text("signin-notice").startsWith("Your new password is set"));
        assertThat(fieldText("signin-email")).isEqualTo(email);
        assertThat(fieldText("signin-password")).isEmpty();
        studio.screenshotBothThemes("signin-after-reset");
        studio.type("signin-password", NEW_PASSWORD);
        studio.robot().type(KeyCode.ENTER);
        studio.awaitShowing("shell");
    }

    @Test
    void thePasswordChangedInAccountIsTheOneThatSignsIn(@TempDir Path home) throws Exception {
        String email = "change@example.com";
        studio = real.open(home);
        studio.register("Bo", email, PASSWORD);
        studio.click("nav-account");
        studio.click("account-tab-security");
        studio.awaitShowing("security-current-password");

        // the fields may sit below the fold of an 800 px window: focus and Enter, as a keyboard user goes
        fill("security-current-password", "Not-The-Password-1");
        fill("security-new-password", NEW_PASSWORD);
        fill("security-repeat-password", NEW_PASSWORD);
        studio.robot().type(KeyCode.ENTER);
        studio.await("the refusal beside the field", () -> studio.showing("security-current-password-error"));
        fill("security-current-password", PASSWORD);
        assertThat(studio.showing("security-current-password-error"))
                .as("gone once corrected")
                .isFalse();
        studio.robot().type(KeyCode.ENTER);
        studio.await("the change", () -> studio.text("security-password-status").startsWith("Password changed."));
        assertThat(fieldText("security-new-password")).isEmpty();
        studio.robot().interact(() -> ((javafx.scene.control.ScrollPane) studio.find("security-scroll")).setVvalue(1));
        studio.screenshotBothThemes("account-security-password-changed");

        studio.click("sign-out");
        studio.type("signin-password", PASSWORD);
        studio.robot().type(KeyCode.ENTER);
        studio.await("the old password refused", () -> studio.showing("signin-error"));
        studio.robot().interact(() -> ((TextInputControl) studio.find("signin-password")).clear());
        studio.type("signin-password", NEW_PASSWORD);
        studio.robot().type(KeyCode.ENTER);
        studio.awaitShowing("shell");
    }

    @Test
    void emailChoicesAreSavedOnChangeAndAreWhatTheServerKeeps(@TempDir Path home) throws Exception {
        String email = "choices@example.com";
        studio = real.open(home);
        studio.register("Cy", email, PASSWORD);
        studio.click("nav-account");
        studio.click("account-tab-security");
        studio.await(
                "the choices loaded",
                () -> !studio.<Node>find("security-notify-weekly-digest").isDisabled());
        assertThat(selected("security-notify-weekly-digest")).isFalse();

        studio.click("security-notify-weekly-digest");
        studio.await("saved", () -> studio.text("security-notify-status").equals("Saved"));
        studio.click("security-notify-receipts");
        studio.await(
                "both saved",
                () -> stored(email).equals(Map.of("lowCredits", true, "receipts", false, "weeklyDigest", true)));
        studio.screenshotBothThemes("account-security-notifications");

        // another screen and back reads them from the server again
        studio.click("nav-create");
        studio.click("nav-account");
        studio.await("read again", () -> !studio.showing("security-notify-status"));
        assertThat(selected("security-notify-weekly-digest")).isTrue();
        assertThat(selected("security-notify-receipts")).isFalse();
        assertThat(selected("security-notify-low-credits")).isTrue();
    }

    @Test
    void aNewAddressWaitsForItsLinkThenTheAccountMovesThere(@TempDir Path home) throws Exception {
        String email = "before@example.com";
        String moved = "after@example.com";
        studio = real.open(home);
        studio.register("Di", email, PASSWORD);
        studio.click("nav-account");
        studio.click("account-tab-security");
        studio.awaitShowing("security-new-email");
        fill("security-new-email", moved);
        fill("security-email-password", PASSWORD);
        studio.robot().type(KeyCode.ENTER);
        studio.await(
                "the link sent",
                () -> studio.text("security-email-status")
                        .equals("We sent a link to " + moved + " — the change applies once you open it."));
        assertThat(studio.text("security-pending-email")).startsWith("Waiting for confirmation: " + moved);
        studio.screenshotBothThemes("account-security-email-moving");

        String link = mail.awaitLink(moved, ApiPaths.VERIFY_EMAIL_PAGE, 1).link(ApiPaths.VERIFY_EMAIL_PAGE);
        assertThat(real.server()
                        .testServer()
                        .client()
                        .get(link.substring(link.indexOf(ApiPaths.VERIFY_EMAIL_PAGE)))
                        .status())
                .isEqualTo(200);
        studio.click("account-refresh");
        studio.await("the new address", () -> studio.text("security-email").equals(moved));
        assertThat(studio.showing("security-pending-email")).isFalse();
        assertThat(studio.showing("verify-banner"))
                .as("the new address is confirmed by its link")
                .isFalse();
    }

    private boolean selected(String id) {
        return StudioHarness.call(() -> ((ToggleSwitch) studio.find(id)).isSelected());
    }

    private static Map<?, ?> stored(String email) {
        return real.server()
                .testServer()
                .client()
                .login(email, PASSWORD)
                .get(ApiPaths.ME_NOTIFICATIONS)
                .as(Map.class);
    }

    /** Focuses the field and replaces its text, without a click (it may be scrolled out of sight). */
    private void fill(String id, String text) {
        studio.robot().interact(() -> {
            TextInputControl field = studio.find(id);
            field.requestFocus();
            field.setText(text);
        });
    }

    private String fieldText(String id) {
        return StudioHarness.call(() -> ((TextInputControl) studio.find(id)).getText());
    }
}
