package com.pixfino.server.accounts;

/** Whether an account may sign in. */
public enum AccountStatus {
    ACTIVE,
    SUSPENDED
}
