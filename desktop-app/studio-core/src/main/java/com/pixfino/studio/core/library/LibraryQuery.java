package com.pixfino.studio.core.library;

import com.pixfino.model.MediaKind;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the gallery shows: free text (matched against prompt, preset name and tags with SQLite FTS5), and
 * filters that all have to hold; a null filter does not filter. {@code from} and {@code to} are inclusive days
 * in the computer's time zone. {@code aspectRatio} is a format such as {@code "9:16"}; {@code groupId} shows the
 * takes of one request.
 */
public record LibraryQuery(
        String text,
        String presetName,
        MediaKind kind,
        LocalDate from,
        LocalDate to,
        boolean favoritesOnly,
        UUID collectionId,
        String tag,
        Sort sort,
        String aspectRatio,
        UUID groupId) {

    public enum Sort {
        NEWEST,
        OLDEST
    }

    public static final LibraryQuery ALL =
            new LibraryQuery(null, null, null, null, null, false, null, null, Sort.NEWEST, null, null);

    public LibraryQuery {
        text = text == null || text.isBlank() ? null : text.strip();
        sort = sort == null ? Sort.NEWEST : sort;
        aspectRatio = aspectRatio == null || aspectRatio.isBlank() ? null : aspectRatio.strip();
    }

    public LibraryQuery withAspectRatio(String value) {
        return new LibraryQuery(
                text, presetName, kind, from, to, favoritesOnly, collectionId, tag, sort, value, groupId);
    }

    public LibraryQuery withGroup(UUID value) {
        return new LibraryQuery(
                text, presetName, kind, from, to, favoritesOnly, collectionId, tag, sort, aspectRatio, value);
    }

    public LibraryQuery withText(String value) {
        return new LibraryQuery(
                value, presetName, kind, from, to, favoritesOnly, collectionId, tag, sort, aspectRatio, groupId);
    }

    public LibraryQuery withPresetName(String value) {
        return new LibraryQuery(
                text, value, kind, from, to, favoritesOnly, collectionId, tag, sort, aspectRatio, groupId);
    }

    public LibraryQuery withKind(MediaKind value) {
        return new LibraryQuery(
                text, presetName, value, from, to, favoritesOnly, collectionId, tag, sort, aspectRatio, groupId);
    }

    public LibraryQuery withDates(LocalDate first, LocalDate last) {
        return new LibraryQuery(
                text, presetName, kind, first, last, favoritesOnly, collectionId, tag, sort, aspectRatio, groupId);
    }

    public LibraryQuery withFavoritesOnly(boolean value) {
        return new LibraryQuery(text, presetName, kind, from, to, value, collectionId, tag, sort, aspectRatio, groupId);
    }

    public LibraryQuery withCollection(UUID value) {
        return new LibraryQuery(
                text, presetName, kind, from, to, favoritesOnly, value, tag, sort, aspectRatio, groupId);
    }

    public LibraryQuery withTag(String value) {
        return new LibraryQuery(
                text, presetName, kind, from, to, favoritesOnly, collectionId, value, sort, aspectRatio, groupId);
    }

    public LibraryQuery withSort(Sort value) {
        return new LibraryQuery(
                text, presetName, kind, from, to, favoritesOnly, collectionId, tag, value, aspectRatio, groupId);
    }
}
