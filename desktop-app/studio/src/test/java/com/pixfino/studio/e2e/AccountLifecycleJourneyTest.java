package com.pixfino.studio.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.ApiPaths;
import com.pixfino.studio.core.testsupport.MailFiles;
import com.pixfino.studio.testsupport.RealCompanion;
import com.pixfino.studio.testsupport.StudioHarness;
import java.nio.file.Path;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 in the real studio against the real server, whose mail is written as .eml files and read back here as a
 * person reads it: "Forgot password?" with the mailed link, and changing the password in Account.
 */
class AccountLifecycleJourneyTest {

    private static final String PASSWORD = "Sunset-Lake-42";
    private static final String NEW_PASSWORD = "Harbour-Light-77";

    private static RealCompanion server;
    private static MailFiles mail;
    private StudioHarness studio;

    @BeforeAll
    static void startServer() {
        server = RealCompanion.start();
        mail = new MailFiles(server.testServer().config().dataDir());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void closeStudio() {
        if (studio != null) {
            studio.close();
        }
    }

    @Test
    void aForgottenPasswordIsResetFromTheMailedLinkAndSignsIn(@TempDir Path home) throws Exception {
        String email = "forgot@example.com";
        studio = StudioHarness.start(home, server.url());
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
        studio = StudioHarness.start(home, server.url());
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
