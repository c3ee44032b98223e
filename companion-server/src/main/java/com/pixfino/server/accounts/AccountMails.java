package com.pixfino.server.accounts;

import static com.pixfino.server.domain.Html.escape;

import com.pixfino.model.ApiPaths;
import com.pixfino.server.mail.MailMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The words of the account mails, each as plain text and as the same words in HTML. Essential mail: no unsubscribe. */
final class AccountMails {

    private AccountMails() {}

    static MailMessage verification(String to, String name, String base, String token) {
        String link = base + ApiPaths.VERIFY_EMAIL_PAGE + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        String text = "Hello " + name + ",\n\n"
                + "Please confirm that this is your email address for Pixfino Studio by opening this link:\n\n"
                + link + "\n\n"
                + "The link works once and for 48 hours. Until you confirm, you can use your free credits; buying"
                + " credits and creating API keys need a confirmed address.\n\n"
                + "If you did not create a Pixfino account, ignore this mail and nothing happens.\n\n"
                + "Pixfino Studio\n";
        String html = "<p>Hello " + escape(name) + ",</p>\n"
                + "<p>Please confirm that this is your email address for Pixfino Studio:</p>\n"
                + "<p><a href=\"" + escape(link) + "\">Confirm my email address</a></p>\n"
                + "<p>Or copy this link into your browser: " + escape(link) + "</p>\n"
                + "<p>The link works once and for 48 hours. Until you confirm, you can use your free credits; buying"
                + " credits and creating API keys need a confirmed address.</p>\n"
                + "<p>If you did not create a Pixfino account, ignore this mail and nothing happens.</p>\n"
                + "<p>Pixfino Studio</p>\n";
        return MailMessage.essential("verify_email", to, "Confirm your email address for Pixfino", text, html);
    }

    static MailMessage passwordReset(String to, String name, String base, String token) {
        String link =
                base + ApiPaths.RESET_PASSWORD_PAGE + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        String text = "Hello " + name + ",\n\n"
                + "Someone (hopefully you) asked to reset the password of your Pixfino account. To choose a new"
                + " password, open this link:\n\n"
                + link + "\n\n"
                + "The link works once and for 30 minutes. Setting a new password signs you out everywhere.\n\n"
                + "If you did not ask for this, ignore this mail: your password stays as it is.\n\n"
                + "Pixfino Studio\n";
        String html = "<p>Hello " + escape(name) + ",</p>\n"
                + "<p>Someone (hopefully you) asked to reset the password of your Pixfino account.</p>\n"
                + "<p><a href=\"" + escape(link) + "\">Choose a new password</a></p>\n"
                + "<p>Or copy this link into your browser: " + escape(link) + "</p>\n"
                + "<p>The link works once and for 30 minutes. Setting a new password signs you out everywhere.</p>\n"
                + "<p>If you did not ask for this, ignore this mail: your password stays as it is.</p>\n"
                + "<p>Pixfino Studio</p>\n";
        return MailMessage.essential("password_reset", to, "Reset your Pixfino password", text, html);
    }

    static MailMessage passwordChanged(String to, String name, OffsetDateTime at) {
        String when = at.withOffsetSameInstant(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.ENGLISH))
                + " UTC";
        String text = "Hello " + name + ",\n\n"
                + "The password of your Pixfino account was changed on " + when + ", and the sessions signed in"
                + " with the old one were signed out.\n\n"
                + "If this was you, there is nothing to do. If it was not, choose a new password at once with"
                + " \"Forgot password?\" on the sign-in screen of Pixfino Studio.\n\n"
                + "Pixfino Studio\n";
        String html = "<p>Hello " + escape(name) + ",</p>\n"
                + "<p>The password of your Pixfino account was changed on " + escape(when) + ", and the sessions"
                + " signed in with the old one were signed out.</p>\n"
                + "<p>If this was you, there is nothing to do. If it was not, choose a new password at once with"
                + " &ldquo;Forgot password?&rdquo; on the sign-in screen of Pixfino Studio.</p>\n"
                + "<p>Pixfino Studio</p>\n";
        return MailMessage.essential("password_changed", to, "Your Pixfino password was changed", text, html);
    }

    static MailMessage emailChange(String to, String name, String base, String token) {
        String link = base + ApiPaths.VERIFY_EMAIL_PAGE + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        String text = "Hello " + name + ",\n\n"
                + "You asked to move your Pixfino account to this email address. To confirm, open this link:\n\n"
                + link + "\n\n"
                + "The link works once and for 48 hours. Until you open it, your account keeps its current address.\n\n"
                + "If you did not ask for this, ignore this mail and nothing changes.\n\n"
                + "Pixfino Studio\n";
        String html = "<p>Hello " + escape(name) + ",</p>\n"
                + "<p>You asked to move your Pixfino account to this email address.</p>\n"
                + "<p><a href=\"" + escape(link) + "\">Use this address for my account</a></p>\n"
                + "<p>Or copy this link into your browser: " + escape(link) + "</p>\n"
                + "<p>The link works once and for 48 hours. Until you open it, your account keeps its current"
                + " address.</p>\n"
                + "<p>If you did not ask for this, ignore this mail and nothing changes.</p>\n"
                + "<p>Pixfino Studio</p>\n";
        return MailMessage.essential("change_email", to, "Confirm your new email address for Pixfino", text, html);
    }

    static MailMessage emailChanged(String to, String name, String newEmail, OffsetDateTime at) {
        String when = at.withOffsetSameInstant(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.ENGLISH))
                + " UTC";
        String text = "Hello " + name + ",\n\n"
                + "The email address of your Pixfino account was changed on " + when + " to " + newEmail
                + ". From now on you sign in with the new address, and mail about your account goes there.\n\n"
                + "If this was you, there is nothing to do. If it was not, someone else can sign in to your"
                + " account: contact Pixfino support at once.\n\n"
                + "Pixfino Studio\n";
        String html = "<p>Hello " + escape(name) + ",</p>\n"
                + "<p>The email address of your Pixfino account was changed on " + escape(when) + " to "
                + escape(newEmail) + ". From now on you sign in with the new address, and mail about your account"
                + " goes there.</p>\n"
                + "<p>If this was you, there is nothing to do. If it was not, someone else can sign in to your"
                + " account: contact Pixfino support at once.</p>\n"
                + "<p>Pixfino Studio</p>\n";
        return MailMessage.essential("email_changed", to, "Your Pixfino email address was changed", text, html);
    }
}
