package com.pixfino.server.privacy;

/**
 * Every table that holds a user's data, with the column that says whose it is, where the export puts it and
 * what deletion does to it. {@link AccountExport} and {@link AccountDeletion} each handle every constant in an
 * exhaustive switch, and a test compares this list with the database's foreign keys to {@code users} and its
 * {@code user_id}/{@code owner} columns: a new table with user data (API keys, webhooks, collections, a
 * Stripe customer) fails that test until it is listed here, and then does not compile until both handle it.
 *
 * <p>Deletion walks the list in this order, children before {@code users}.
 */
public enum UserDataTable {
    MODERATION_FLAGS("moderation_flags", "user_id", "moderation-flags.json", Erasure.DELETED),
    COLLECTIONS("collections", "user_id", "collections.json", Erasure.DELETED),
    STYLES("styles", "user_id", "styles.json", Erasure.DELETED),
    LIBRARY_TOMBSTONES("library_tombstones", "user_id", "deleted-library-items.json", Erasure.DELETED),
    GENERATIONS("generations", "user_id", "generations.json", Erasure.DELETED),
    UPLOADS("uploads", "user_id", "uploads.json", Erasure.DELETED),
    AUTH_TOKENS("auth_tokens", "user_id", "sessions.json", Erasure.DELETED),
    API_KEYS("api_keys", "user_id", "api-keys.json", Erasure.DELETED),
    WEBHOOK_ENDPOINTS("webhook_endpoints", "user_id", "webhooks.json", Erasure.DELETED),
    // the code's redemption count stays: a deleted account frees no place
    PROMO_REDEMPTIONS("promo_redemptions", "user_id", "promo-redemptions.json", Erasure.DELETED),
    CREDIT_LEDGER("credit_ledger", "user_id", "ledger.json", Erasure.MOVED_TO_TOMBSTONE),
    BILLING_GRANTS("billing_grants", "user_id", "purchases.json", Erasure.DELETED),
    BILLING_ACCOUNTS("billing_accounts", "user_id", "billing.json", Erasure.DELETED),
    ACCOUNT_TOKENS("account_tokens", "user_id", "mailed-links.json", Erasure.DELETED),
    MAIL_OUTBOX("mail_outbox", "user_id", "mail.json", Erasure.DELETED),
    // after CREDIT_LEDGER: closing the books may cross the low-credit threshold, which marks this table
    NOTIFICATION_PREFERENCES("notification_preferences", "user_id", "notification-preferences.json", Erasure.DELETED),
    REFERRALS_MADE("referrals", "referrer_id", "referrals.json", Erasure.DELETED),
    REFERRED_BY("referrals", "referee_id", "referred-by.json", Erasure.UNLINKED),
    USERS("users", "id", "profile.json", Erasure.DELETED);

    /** What deleting an account does to the table's rows of that user. */
    public enum Erasure {
        /** The rows (and the files they point to) are removed. */
        DELETED,
        /** The rows stay for the books, owned by a tombstone id instead of the user. */
        MOVED_TO_TOMBSTONE,
        /** The rows stay for another user's figures, naming nobody (the user column is emptied). */
        UNLINKED
    }

    private final String table;
    private final String userColumn;
    private final String exportEntry;
    private final Erasure erasure;

    UserDataTable(String table, String userColumn, String exportEntry, Erasure erasure) {
        this.table = table;
        this.userColumn = userColumn;
        this.exportEntry = exportEntry;
        this.erasure = erasure;
    }

    public String table() {
        return table;
    }

    /** The column holding the user's id. */
    public String userColumn() {
        return userColumn;
    }

    /** The JSON file in the export's zip that holds these rows. */
    public String exportEntry() {
        return exportEntry;
    }

    public Erasure erasure() {
        return erasure;
    }
}
