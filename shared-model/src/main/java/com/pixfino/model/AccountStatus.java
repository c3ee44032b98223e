package com.pixfino.model;

/** Whether an account may sign in; the admin users table shows it. */
public enum AccountStatus {
    ACTIVE,
    SUSPENDED
}
