package com.pixfino.server.limits;

/**
 * A named rate limit: what it counts, per what (an address or an account), and the sentence a refused
 * caller reads. New limits (API keys, exports) are new constants here; {@link RateLimitSettings} gives each
 * its allowance and {@link RateLimits} enforces them all the same way.
 */
public enum Budget {
    /** Every sign-in attempt from one address. */
    LOGIN_PER_IP(Refill.GRADUAL, "too_many_requests", "Too many sign-in attempts from this network. Try again in %s."),
    /** Every sign-in attempt for one email, whether or not an account has it. */
    LOGIN_PER_ACCOUNT(
            Refill.GRADUAL, "too_many_requests", "Too many sign-in attempts for this email. Try again in %s."),
    /**
     * Failed sign-ins for one email: when they are used up the email is locked out until the window that
     * began with the first failure ends. Applied to unknown emails exactly like known ones.
     */
    FAILED_LOGINS_PER_ACCOUNT(
            Refill.WHOLE_WINDOW,
            "locked_out",
            "Too many failed sign-ins for this email. Sign-in is paused for it; try again in %s."),
    /** Every registration from one address. */
    REGISTER_PER_IP(Refill.GRADUAL, "too_many_requests", "Too many new accounts from this network. Try again in %s."),
    /** Every registration attempt for one email. */
    REGISTER_PER_ACCOUNT(
            Refill.GRADUAL, "too_many_requests", "Too many attempts to register this email. Try again in %s."),
    /** Verification mails one account asks for again. */
    VERIFY_EMAIL_RESEND_PER_ACCOUNT(
            Refill.WHOLE_WINDOW,
            "too_many_requests",
            "The verification mail was sent several times just now. Look for it (and in your spam folder), or ask"
                    + " again in %s."),
    /** Password-reset requests from one address, whatever the email. */
    PASSWORD_RESET_PER_IP(
            Refill.GRADUAL,
            "too_many_requests",
            "Too many password reset requests from this network. Try again in %s."),
    /**
     * Password-reset mails to one email. A request over it is answered like any other and sends nothing, so the
     * answer never tells whether the address has an account; its sentence is never shown.
     */
    PASSWORD_RESET_MAILS_PER_ACCOUNT(
            Refill.WHOLE_WINDOW, "too_many_requests", "Too many password reset mails for this email. Wait %s."),
    /** Change-of-address mails one account asks for: each goes to an address the account names. */
    EMAIL_CHANGE_PER_ACCOUNT(
            Refill.WHOLE_WINDOW,
            "too_many_requests",
            "You asked to change your email address several times just now. Look for the mail, or try again in %s."),
    /** Promo code redemptions of one account that failed (unknown, expired, used up): guessing codes stops here. */
    FAILED_REDEEMS_PER_ACCOUNT(
            Refill.WHOLE_WINDOW,
            "too_many_requests",
            "Too many codes that did not work were tried on this account. Check the code and try again in %s."),
    /** Data exports of one account: each reads every file the account has. */
    EXPORT_PER_ACCOUNT(
            Refill.GRADUAL, "too_many_requests", "Your data was exported several times just now. Try again in %s."),
    /** Creating requests (POST, PUT, PATCH, DELETE) with one API key or session. */
    API_CREATES_PER_CREDENTIAL(
            Refill.GRADUAL,
            "too_many_requests",
            "Too many uploads, generations or changes with this API key or session. Slow down; try again in %s."),
    /** Every other request with one API key or session. */
    API_REQUESTS_PER_CREDENTIAL(
            Refill.GRADUAL,
            "too_many_requests",
            "Too many requests with this API key or session. Slow down; try again in %s."),
    /** Creating requests from one address, whatever the credential. */
    API_CREATES_PER_IP(
            Refill.GRADUAL,
            "too_many_requests",
            "Too many uploads, generations or changes from this network. Slow down; try again in %s."),
    /** Every other request from one address. */
    API_REQUESTS_PER_IP(
            Refill.GRADUAL, "too_many_requests", "Too many requests from this network. Slow down; try again in %s.");

    /** How used-up allowance comes back. */
    public enum Refill {
        /** Spread evenly over the period (one back every period/count). */
        GRADUAL,
        /** All at once when the period that began with the first use ends. */
        WHOLE_WINDOW
    }

    private final Refill refill;
    private final String code;
    private final String sentence;

    Budget(Refill refill, String code, String sentence) {
        this.refill = refill;
        this.code = code;
        this.sentence = sentence;
    }

    public Refill refill() {
        return refill;
    }

    /** The error code clients branch on. */
    public String code() {
        return code;
    }

    /** The sentence for people, with the wait ("42 seconds", "15 minutes") filled in. */
    public String message(String wait) {
        return String.format(java.util.Locale.ROOT, sentence, wait);
    }

    /**
     * The environment variable that sets this budget, e.g. {@code PIXFINO_LIMIT_LOGIN_PER_IP}; the API's request
     * budgets are {@code PIXFINO_RATE_CREATES_PER_CREDENTIAL} and so on.
     */
    public String environmentVariable() {
        return name().startsWith("API_") ? "PIXFINO_RATE_" + name().substring(4) : "PIXFINO_LIMIT_" + name();
    }
}
