package com.pixfino.server.notifications;

import static com.pixfino.server.domain.Html.escape;

import com.pixfino.model.ApiPaths;
import com.pixfino.server.mail.MailMessage;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The words of the non-essential mails, as plain text and as the same words in HTML; each carries its one-click
 * unsubscribe link (the {@code List-Unsubscribe} header and a line at the end of both parts).
 */
final class NotificationMails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private NotificationMails() {}

    /** An unsubscribe link: {@code {base}/unsubscribe?token=…}. */
    static String unsubscribeLink(String base, String token) {
        return base + ApiPaths.UNSUBSCRIBE_PAGE + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    static MailMessage lowCredits(String to, String name, int balance, int threshold, String unsubscribe) {
        String credits = balance == 1 ? "1 credit" : balance + " credits";
        String text = "Hello " + name + ",\n\n"
                + "Your Pixfino balance is down to " + credits + ", below " + threshold + ".\n\n"
                + "To keep creating without a pause, buy a credit pack or choose a plan in Pixfino Studio under"
                + " Account. Credits from packs never expire.\n\n"
                + "You get this reminder once each time your balance falls below " + threshold + " credits.\n\n"
                + footer(NotificationKind.LOW_CREDITS, unsubscribe);
        String html = "<p>Hello " + escape(name) + ",</p>\n"
                + "<p>Your Pixfino balance is down to <strong>" + escape(credits) + "</strong>, below " + threshold
                + ".</p>\n"
                + "<p>To keep creating without a pause, buy a credit pack or choose a plan in Pixfino Studio under"
                + " Account. Credits from packs never expire.</p>\n"
                + "<p>You get this reminder once each time your balance falls below " + threshold + " credits.</p>\n"
                + htmlFooter(NotificationKind.LOW_CREDITS, unsubscribe);
        return mail(NotificationKind.LOW_CREDITS, to, "Your Pixfino credits are running low", text, html, unsubscribe);
    }

    static MailMessage receipt(
            String to,
            String name,
            String item,
            int credits,
            long amountMinor,
            String currency,
            OffsetDateTime at,
            String unsubscribe) {
        String amount = amount(amountMinor, currency);
        String when = at.withOffsetSameInstant(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.ENGLISH))
                + " UTC";
        String creditsLine = credits == 1 ? "1 credit" : credits + " credits";
        String text = "Hello " + name + ",\n\n"
                + "Thank you for your payment. This is your receipt:\n\n"
                + "  Item:    " + item + "\n"
                + "  Credits: " + creditsLine + "\n"
                + "  Amount:  " + amount + "\n"
                + "  Date:    " + when + "\n\n"
                + "The credits are in your balance already. Stripe's invoices are under Account → Billing in"
                + " Pixfino Studio.\n\n"
                + footer(NotificationKind.RECEIPTS, unsubscribe);
        String html = "<p>Hello " + escape(name) + ",</p>\n"
                + "<p>Thank you for your payment. This is your receipt:</p>\n"
                + "<table>\n"
                + row("Item", item) + row("Credits", creditsLine) + row("Amount", amount) + row("Date", when)
                + "</table>\n"
                + "<p>The credits are in your balance already. Stripe's invoices are under Account → Billing in"
                + " Pixfino Studio.</p>\n"
                + htmlFooter(NotificationKind.RECEIPTS, unsubscribe);
        return mail(NotificationKind.RECEIPTS, to, "Your Pixfino receipt: " + item, text, html, unsubscribe);
    }

    /** A style that became available, as the digest lists it. */
    record NewStyle(String name, String category, int credits) {}

    static MailMessage weeklyDigest(
            String to, String name, LocalDate from, LocalDate until, List<NewStyle> styles, String unsubscribe) {
        String period = from.format(DAY) + " to " + until.format(DAY);
        StringBuilder text = new StringBuilder("Hello " + name + ",\n\n")
                .append(styles.size() == 1 ? "A new style" : styles.size() + " new styles")
                .append(" arrived in Pixfino Studio this week (")
                .append(period)
                .append("):\n\n");
        StringBuilder html = new StringBuilder("<p>Hello " + escape(name) + ",</p>\n<p>")
                .append(styles.size() == 1 ? "A new style" : styles.size() + " new styles")
                .append(" arrived in Pixfino Studio this week (")
                .append(escape(period))
                .append("):</p>\n<ul>\n");
        for (NewStyle style : styles) {
            String line = style.name() + " (" + style.category() + ", " + style.credits()
                    + (style.credits() == 1 ? " credit)" : " credits)");
            text.append("  - ").append(line).append('\n');
            html.append("<li>").append(escape(line)).append("</li>\n");
        }
        text.append("\nTry them in the studio's preset gallery.\n\n")
                .append(footer(NotificationKind.WEEKLY_DIGEST, unsubscribe));
        html.append("</ul>\n<p>Try them in the studio's preset gallery.</p>\n")
                .append(htmlFooter(NotificationKind.WEEKLY_DIGEST, unsubscribe));
        String subject = styles.size() == 1 ? "A new style on Pixfino this week" : "New styles on Pixfino this week";
        return mail(NotificationKind.WEEKLY_DIGEST, to, subject, text.toString(), html.toString(), unsubscribe);
    }

    /** {@code 4.99 USD}; the currency's own decimals ({@code 500 JPY}). */
    static String amount(long amountMinor, String currency) {
        String code = currency == null ? "USD" : currency.toUpperCase(Locale.ROOT);
        int digits = 2;
        try {
            digits = Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            // a code Java does not know: cents, as most currencies have
        }
        return BigDecimal.valueOf(amountMinor, digits).toPlainString() + " " + code;
    }

    private static String row(String label, String value) {
        return "<tr><td>" + escape(label) + "</td><td>" + escape(value) + "</td></tr>\n";
    }

    private static String footer(NotificationKind kind, String unsubscribe) {
        return "Pixfino Studio\n\n"
                + "To stop " + kind.words() + ", open " + unsubscribe + " or turn them off in Pixfino Studio under"
                + " Account → Notifications.\n";
    }

    private static String htmlFooter(NotificationKind kind, String unsubscribe) {
        return "<p>Pixfino Studio</p>\n"
                + "<p><small>To stop " + escape(kind.words()) + ", <a href=\"" + escape(unsubscribe)
                + "\">unsubscribe</a> or turn them off in Pixfino Studio under Account → Notifications.</small></p>\n";
    }

    private static MailMessage mail(
            NotificationKind kind, String to, String subject, String text, String html, String unsubscribe) {
        return new MailMessage(kind.mailKind(), to, subject, text, html, Optional.of(unsubscribe));
    }
}
