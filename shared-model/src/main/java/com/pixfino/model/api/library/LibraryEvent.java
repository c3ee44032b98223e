package com.pixfino.model.api.library;

/** A {@code library} event on {@code GET /events}: the library changed; its change is at or before {@code cursor}. */
public record LibraryEvent(String cursor) {}
