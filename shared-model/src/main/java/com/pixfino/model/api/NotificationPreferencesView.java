package com.pixfino.model.api;

/**
 * Body and answer of {@code GET/PUT /me/notifications}: which non-essential mails the user gets. A PUT sends all three
 * (a missing one is refused, not defaulted); the defaults are low credits and receipts on, the weekly digest off.
 *
 * @param lowCredits   a mail each time the balance falls below the low-credit threshold
 * @param receipts     a receipt for each credit purchase or subscription payment
 * @param weeklyDigest a Monday mail listing the styles that became available that week
 */
public record NotificationPreferencesView(Boolean lowCredits, Boolean receipts, Boolean weeklyDigest) {

    /** What a user who never changed anything gets. */
    public static final NotificationPreferencesView DEFAULTS = new NotificationPreferencesView(true, true, false);
}
