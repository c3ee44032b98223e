package com.pixfino.studio.account;

/** The tabs of the account screen. */
public enum AccountSection {
    OVERVIEW,
    PLANS,
    API,
    STORAGE
}
