package com.pixfino.studio.account;

/** The tabs of the account screen. */
public enum AccountSection {
    OVERVIEW,
    PLANS,
    API,
    STORAGE,
    /** "Sign-in & email" (issue 16): confirmation, password, address, emails. */
    SECURITY,
    /** "Invite & redeem" (issue 16): the invite link and promo codes. */
    INVITE
}
