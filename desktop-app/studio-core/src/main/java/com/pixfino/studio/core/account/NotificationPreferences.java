package com.pixfino.studio.core.account;

/** Which non-essential mails the user wants ({@code /me/notifications}); the server's defaults are {@link #DEFAULTS}. */
public record NotificationPreferences(boolean lowCredits, boolean receipts, boolean weeklyDigest) {

    public static final NotificationPreferences DEFAULTS = new NotificationPreferences(true, true, false);

    public NotificationPreferences withLowCredits(boolean on) {
        return new NotificationPreferences(on, receipts, weeklyDigest);
    }

    public NotificationPreferences withReceipts(boolean on) {
        return new NotificationPreferences(lowCredits, on, weeklyDigest);
    }

    public NotificationPreferences withWeeklyDigest(boolean on) {
        return new NotificationPreferences(lowCredits, receipts, on);
    }
}
