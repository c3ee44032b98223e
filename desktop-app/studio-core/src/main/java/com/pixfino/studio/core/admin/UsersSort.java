package com.pixfino.studio.core.admin;

/** The orders the admin users list can be read in; {@link #wireName()} is the {@code sort} query value. */
public enum UsersSort {
    JOINED("joined"),
    LAST_LOGIN("lastLogin"),
    CREDITS("credits"),
    GENERATIONS("generations");

    private final String wireName;

    UsersSort(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
