package com.pixfino.server.notifications;

import static com.pixfino.server.db.jooq.Tables.NOTIFICATION_PREFERENCES;

import java.util.Arrays;
import java.util.Optional;
import org.jooq.TableField;

/** The non-essential mails a user can turn off, each with its preference column and its name in links and JSON. */
public enum NotificationKind {
    LOW_CREDITS("lowCredits", "low_credits", "low-credit reminders"),
    RECEIPTS("receipts", "receipt", "purchase receipts"),
    WEEKLY_DIGEST("weeklyDigest", "weekly_digest", "the weekly digest of new styles");

    private final String field;
    private final String mailKind;
    private final String words;

    NotificationKind(String field, String mailKind, String words) {
        this.field = field;
        this.mailKind = mailKind;
        this.words = words;
    }

    /** The name in the preferences JSON and in unsubscribe tokens ({@code lowCredits}). */
    public String field() {
        return field;
    }

    /** The outbox's kind of the mail ({@code low_credits}). */
    public String mailKind() {
        return mailKind;
    }

    /** What the user turns off, in plain words for the unsubscribe page. */
    public String words() {
        return words;
    }

    TableField<?, Boolean> column() {
        return switch (this) {
            case LOW_CREDITS -> NOTIFICATION_PREFERENCES.LOW_CREDITS;
            case RECEIPTS -> NOTIFICATION_PREFERENCES.RECEIPTS;
            case WEEKLY_DIGEST -> NOTIFICATION_PREFERENCES.WEEKLY_DIGEST;
        };
    }

    static Optional<NotificationKind> ofField(String field) {
        return Arrays.stream(values()).filter(k -> k.field.equals(field)).findFirst();
    }
}
