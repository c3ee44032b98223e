package com.pixfino.model;

/** What an account may do: {@code ADMIN} also runs the platform from the studio's admin mode. */
public enum Role {
    USER,
    ADMIN
}
