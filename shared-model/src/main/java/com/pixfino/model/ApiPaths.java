package com.pixfino.model;

/** HTTP paths of the companion server, shared so the studio and the server never drift apart. */
public final class ApiPaths {
    public static final String PREFIX = "/api/v1";
    public static final String HEALTH = "/health";
    public static final String METRICS = "/metrics";
    public static final String OPENAPI = "/openapi.json";

    public static final String REGISTER = PREFIX + "/auth/register";
    public static final String LOGIN = PREFIX + "/auth/login";
    public static final String LOGOUT = PREFIX + "/auth/logout";
    public static final String ME = PREFIX + "/me";
    /** POST (signed in): mails a new verification link; 202, a few an hour, 409 once verified. */
    public static final String VERIFY_EMAIL_RESEND = PREFIX + "/auth/verify-email/resend";
    /** POST {@code {"email"}}: mails a reset link if the address has an account; always the same 202. */
    public static final String PASSWORD_RESET = PREFIX + "/auth/password-reset";
    /** POST {@code {"token","password"}}: sets the password with a mailed token; 204, every session signed out. */
    public static final String PASSWORD_RESET_CONFIRM = PREFIX + "/auth/password-reset/confirm";
    /** POST {@code {"currentPassword","newPassword"}} (signed in): 204, the other sessions signed out. */
    public static final String PASSWORD = PREFIX + "/auth/password";
    /** POST {@code {"currentPassword","newEmail"}} (signed in): mails the new address a link; 202 with the pending one. */
    public static final String EMAIL = PREFIX + "/auth/email";
    /** The page a verification mail links to ({@code ?token=}); it verifies on open. */
    public static final String VERIFY_EMAIL_PAGE = "/verify-email";
    /** The page a reset mail links to ({@code ?token=}): a form for the new password, posted back to it. */
    public static final String RESET_PASSWORD_PAGE = "/reset-password";
    /** GET: a zip of everything the server holds about the signed-in user. DELETE on {@link #ME} removes the account. */
    public static final String ME_EXPORT = PREFIX + "/me/export";
    /** GET/PUT {@code {"lowCredits","receipts","weeklyDigest"}} (signed in): which non-essential mails are sent. */
    public static final String ME_NOTIFICATIONS = PREFIX + "/me/notifications";
    /** The one-click unsubscribe link of non-essential mail ({@code ?token=}): GET shows a button, POST turns it off. */
    public static final String UNSUBSCRIBE_PAGE = "/unsubscribe";
    /** GET: the signed-in user's referral code and link, and what inviting has earned them so far. */
    public static final String ME_REFERRALS = PREFIX + "/me/referrals";
    /** The page a referral link opens ({@code ?ref=CODE}): who invited you and the code to sign up with. */
    public static final String JOIN_PAGE = "/join";

    public static final String PRESETS = PREFIX + "/presets";
    /** GET: an active preset's preview picture (JPEG, with an ETag); public like the catalog. */
    public static final String PRESET_THUMBNAIL = PREFIX + "/presets/{id}/thumbnail";

    public static final String UPLOADS = PREFIX + "/uploads";
    public static final String UPLOAD = PREFIX + "/uploads/{id}";
    public static final String UPLOAD_THUMBNAIL = PREFIX + "/uploads/{id}/thumbnail";
    public static final String LEDGER = PREFIX + "/credits/ledger";
    /** POST {@code {"code"}} (signed in): redeems a promo code once; 200 with the credits granted and the new balance. */
    public static final String CREDITS_REDEEM = PREFIX + "/credits/redeem";

    public static final String GENERATIONS = PREFIX + "/generations";
    public static final String GENERATION = PREFIX + "/generations/{id}";
    public static final String GENERATION_CANCEL = PREFIX + "/generations/{id}/cancel";
    public static final String GENERATION_OUTPUT = PREFIX + "/generations/{id}/output";
    public static final String GENERATION_THUMBNAIL = PREFIX + "/generations/{id}/thumbnail";
    /** POST {@code {"reason"}}: the owner reports a result to the moderators (201 with the flag). */
    public static final String GENERATION_REPORT = PREFIX + "/generations/{id}/report";

    public static final String EVENTS = PREFIX + "/events";
    /** GET {@code ?cursor=&limit=}: the incremental change feed of the signed-in user's library. */
    public static final String LIBRARY_CHANGES = PREFIX + "/library/changes";
    /** POST {@code {"name"}} creates a collection (201). */
    public static final String COLLECTIONS = PREFIX + "/collections";
    /** PATCH {@code {"name"}} renames, DELETE removes the collection (its items stay). */
    public static final String COLLECTION = PREFIX + "/collections/{id}";
    /** POST {@code {"add":[ids],"remove":[ids]}} changes the collection's items. */
    public static final String COLLECTION_ITEMS = PREFIX + "/collections/{id}/items";
    /** The name of the SSE event on {@link #EVENTS} that carries a {@code LibraryEvent}. */
    public static final String LIBRARY_EVENT = "library";
    /** POST creates one of the caller's styles (201), GET lists them. */
    public static final String STYLES = PREFIX + "/styles";
    /** GET, PATCH (partial) and DELETE one of the caller's styles. */
    public static final String STYLE = PREFIX + "/styles/{id}";
    /** GET {@code ?category=}: the prompt library, curated example prompts per preset category. */
    public static final String PROMPTS = PREFIX + "/prompts";

    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    public static final String ADMIN_USERS = PREFIX + "/admin/users";
    public static final String ADMIN_USER_CREDITS = PREFIX + "/admin/users/{id}/credits";
    /** POST {@code {"reason"}}: the user can no longer sign in, and their sessions and API keys stop working. */
    public static final String ADMIN_USER_SUSPEND = PREFIX + "/admin/users/{id}/suspend";
    /** POST (optional {@code {"reason"}}): lifts a suspension. */
    public static final String ADMIN_USER_UNSUSPEND = PREFIX + "/admin/users/{id}/unsuspend";
    /** GET: the platform's figures now. */
    public static final String ADMIN_STATS = PREFIX + "/admin/stats";
    /** GET {@code ?days=} (1–365): per-day figures, oldest first. */
    public static final String ADMIN_STATS_DAILY = PREFIX + "/admin/stats/daily";
    /** GET: every preset, inactive ones too, with margins; POST creates one (201). */
    public static final String ADMIN_PRESETS = PREFIX + "/admin/presets";
    /** PUT replaces the whole preset, PATCH changes the fields it names ({@code "active":false} deactivates). */
    public static final String ADMIN_PRESET = PREFIX + "/admin/presets/{id}";
    /** PUT multipart {@code file} (JPEG, PNG or WebP): replaces the preset's preview picture. */
    public static final String ADMIN_PRESET_THUMBNAIL = PREFIX + "/admin/presets/{id}/thumbnail";
    /** GET answers the platform settings (referrals, launch promo), PUT replaces all of them (audited). */
    public static final String ADMIN_SETTINGS = PREFIX + "/admin/settings";
    /** GET {@code ?cursor=&limit=}: admin actions, newest first. */
    public static final String ADMIN_AUDIT = PREFIX + "/admin/audit";
    /** GET answers the banned-word list, PUT {@code {"words":[…]}} replaces it. */
    public static final String ADMIN_MODERATION_WORDS = PREFIX + "/admin/moderation/words";
    /** GET {@code ?status=open|resolved&cursor=&limit=}: the moderation queue, newest first. */
    public static final String ADMIN_MODERATION_FLAGS = PREFIX + "/admin/moderation/flags";
    /** POST {@code {"action","note"}}: resolves one flag. */
    public static final String ADMIN_MODERATION_FLAG_RESOLVE = PREFIX + "/admin/moderation/flags/{id}/resolve";
    /** GET lists the promo codes (newest first, live counts); POST creates one (201). */
    public static final String ADMIN_PROMO_CODES = PREFIX + "/admin/promo-codes";
    /** POST: the code stops working now (validTo = now). */
    public static final String ADMIN_PROMO_CODE_EXPIRE = PREFIX + "/admin/promo-codes/{code}/expire";

    public static final String BILLING_CATALOG = PREFIX + "/billing/catalog";
    public static final String BILLING_CHECKOUT = PREFIX + "/billing/checkout";
    public static final String BILLING_PORTAL = PREFIX + "/billing/portal";
    public static final String BILLING_INVOICES = PREFIX + "/billing/invoices";
    /** Stripe posts its signed events here (no token). */
    public static final String BILLING_WEBHOOK = PREFIX + "/billing/webhook";
    /** The page Stripe Checkout returns to after paying ({@code ?session_id=}); no token. */
    public static final String BILLING_SUCCESS_PAGE = "/billing/success";
    /** The page Stripe Checkout returns to when the buyer gives up; no token. */
    public static final String BILLING_CANCEL_PAGE = "/billing/cancel";
    /** POST creates an API key (session token only), GET lists the caller's keys. */
    public static final String API_KEYS = PREFIX + "/api-keys";
    /** DELETE revokes the key at once. */
    public static final String API_KEY = PREFIX + "/api-keys/{id}";
    /** The prefix of every API key; a key is sent as {@code Authorization: Bearer pxf_...}. */
    public static final String API_KEY_PREFIX = "pxf_";
    /** POST registers an endpoint for generation events (session token only), GET lists them. */
    public static final String WEBHOOKS = PREFIX + "/webhooks";

    public static final String WEBHOOK = PREFIX + "/webhooks/{id}";
    /** POST sends a {@code ping} event to the endpoint. */
    public static final String WEBHOOK_TEST = PREFIX + "/webhooks/{id}/test";
    /** GET: one row per delivery attempt, newest first. */
    public static final String WEBHOOK_DELIVERIES = PREFIX + "/webhooks/{id}/deliveries";
    /** Present on every rate-limited answer: how many more requests of this kind fit now. */
    public static final String RATE_LIMIT_REMAINING_HEADER = "X-RateLimit-Remaining";
    /** The name of the SSE event on {@link #EVENTS} that carries a {@code BalanceEvent}. */
    public static final String BALANCE_EVENT = "balance";

    private ApiPaths() {}
}
