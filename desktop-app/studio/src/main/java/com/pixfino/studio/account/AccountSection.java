package com.pixfino.studio.account;

/** The tabs of the account screen. */
public enum AccountSection {
    OVERVIEW,
    PLANS,
    API,
    STORAGE,
    /** 'Invite & redeem': the invite link and promo codes (issue 16). */
    INVITE
}
