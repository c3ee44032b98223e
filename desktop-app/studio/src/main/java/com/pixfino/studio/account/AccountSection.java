package com.pixfino.studio.account;

/** The tabs of the account screen. */
public enum AccountSection {
    OVERVIEW,
    PLANS,
    API,
    STORAGE,
    /** "Sign-in & email" (issue 16): confirmation, password, address, emails. */
    SECURITY
}
