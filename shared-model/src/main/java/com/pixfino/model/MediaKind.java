package com.pixfino.model;

/** What a preset produces. */
public enum MediaKind {
    IMAGE,
    VIDEO
}
