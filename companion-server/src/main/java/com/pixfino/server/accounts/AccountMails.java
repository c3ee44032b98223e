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
        return linkMail(
                "verify_email",
                to,
                "Confirm your email address for Pixfino",
                name,
                link(base, ApiPaths.VERIFY_EMAIL_PAGE, token),
                new LinkWords(
                        "Please confirm that this is your email address for Pixfino Studio by opening this link:",
                        "Please confirm that this is your email address for Pixfino Studio:",
                        "Confirm my email address",
                        "The link works once and for 48 hours. Until you confirm, you can use your free credits; buying"
                                + " credits and creating API keys need a confirmed address.",
                        "If you did not create a Pixfino account, ignore this mail and nothing happens."));
    }

    static MailMessage passwordReset(String to, String name, String base, String token) {
        return linkMail(
                "password_reset",
                to,
                "Reset your Pixfino password",
                name,
                link(base, ApiPaths.RESET_PASSWORD_PAGE, token),
                new LinkWords(
                        "Someone (hopefully you) asked to reset the password of your Pixfino account. To choose a new"
                                + " password, open this link:",
                        "Someone (hopefully you) asked to reset the password of your Pixfino account.",
                        "Choose a new password",
                        "The link works once and for 30 minutes. Setting a new password signs you out everywhere.",
                        "If you did not ask for this, ignore this mail: your password stays as it is."));
    }

    static MailMessage passwordChanged(String to, String name, OffsetDateTime at) {
        String when = when(at);
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
        return linkMail(
                "change_email",
                to,
                "Confirm your new email address for Pixfino",
                name,
                link(base, ApiPaths.VERIFY_EMAIL_PAGE, token),
                new LinkWords(
                        "You asked to move your Pixfino account to this email address. To confirm, open this link:",
                        "You asked to move your Pixfino account to this email address.",
                        "Use this address for my account",
                        "The link works once and for 48 hours. Until you open it, your account keeps its current"
                                + " address.",
                        "If you did not ask for this, ignore this mail and nothing changes."));
    }

    static MailMessage emailChanged(String to, String name, String newEmail, OffsetDateTime at) {
        String when = when(at);
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

    /**
     * What a link mail says besides the link: why it came (in the text, and in the HTML above the button), the
     * button, what the link does and for how long, and what to do when it was not asked for.
     */
    private record LinkWords(String textIntro, String htmlIntro, String button, String terms, String unasked) {}

    private static MailMessage linkMail(String kind, String to, String subject, String name, String link, LinkWords w) {
        String text = "Hello " + name + ",\n\n"
                + w.textIntro() + "\n\n"
                + link + "\n\n"
                + w.terms() + "\n\n"
                + w.unasked() + "\n\n"
                + "Pixfino Studio\n";
        String html = "<p>Hello " + escape(name) + ",</p>\n"
                + "<p>" + w.htmlIntro() + "</p>\n"
                + "<p><a href=\"" + escape(link) + "\">" + w.button() + "</a></p>\n"
                + "<p>Or copy this link into your browser: " + escape(link) + "</p>\n"
                + "<p>" + w.terms() + "</p>\n"
                + "<p>" + w.unasked() + "</p>\n"
                + "<p>Pixfino Studio</p>\n";
        return MailMessage.essential(kind, to, subject, text, html);
    }

    private static String link(String base, String page, String token) {
        return base + page + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static String when(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.ENGLISH))
                + " UTC";
    }
}
