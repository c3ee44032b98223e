package com.pixfino.studio.shell;

/** The main screens, in navigation order; Ctrl+1 … Ctrl+4 reach them. */
public enum Screen {
    CREATE,
    QUEUE,
    GALLERY,
    ACCOUNT
}
