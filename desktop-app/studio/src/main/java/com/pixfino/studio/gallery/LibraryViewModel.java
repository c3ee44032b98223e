package com.pixfino.studio.gallery;

import com.pixfino.model.MediaKind;
import com.pixfino.model.api.library.CollectionView;
import com.pixfino.studio.core.concurrent.Cancellable;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.concurrent.TaskHandle;
import com.pixfino.studio.core.gallery.GalleryItem;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.library.Library;
import com.pixfino.studio.core.library.LibraryQuery;
import com.pixfino.studio.ui.ActivityStatus;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The gallery over the synced {@link Library}: one query (search text, filters, sort, the sidebar's choice), its
 * count, its results by index a page at a time, the selection, and the bulk actions on it. Never holds all results.
 */
public final class LibraryViewModel {

    static final Duration SEARCH_DELAY = Duration.ofMillis(250);

    private final TaskExecutor tasks;
    private final Library library;
    private final Messages messages;
    private final ResultPages pages;
    private final LibrarySelection selection;
    private final ReadOnlyObjectWrapper<LibraryQuery> query =
            new ReadOnlyObjectWrapper<>(this, "query", LibraryQuery.ALL);
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final BooleanProperty offline = new SimpleBooleanProperty(this, "offline");
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting");
    private final ReadOnlyDoubleWrapper exportProgress = new ReadOnlyDoubleWrapper(this, "exportProgress");
    private final ActivityStatus activity = new ActivityStatus();
    private final ObservableList<CollectionView> collections = FXCollections.observableArrayList();
    private final ObservableList<String> presetNames = FXCollections.observableArrayList();
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper favoriteCount = new ReadOnlyIntegerWrapper(this, "favoriteCount");
    private final ReadOnlyIntegerWrapper totalCount = new ReadOnlyIntegerWrapper(this, "totalCount");
    private Cancellable pendingSearch = Cancellable.NONE;
    private TaskHandle counting = TaskHandle.NONE;
    private TaskHandle exportTask = TaskHandle.NONE;

    public LibraryViewModel(TaskExecutor tasks, Library library, Messages messages) {
        this.tasks = tasks;
        this.library = library;
        this.messages = messages;
        this.pages = new ResultPages(tasks, library, this::changed, this::failed);
        this.selection = new LibrarySelection(tasks, library, pages::get, this::changed, this::failed);
        searchText.addListener((obs, was, now) -> {
            pendingSearch.cancel();
            pendingSearch =
                    tasks.schedule(SEARCH_DELAY, () -> setQuery(query.get().withText(now)));
        });
        count.addListener(obs -> updateStatus());
        offline.addListener(obs -> updateStatus());
        updateStatus();
        library.addListener(() -> tasks.onUiThread(this::reload));
    }

    /** Reads the count, the sidebar and the filter choices again; the results fill in as they are shown. */
    public void reload() {
        LibraryQuery asked = query.get();
        pages.reset(asked);
        selection.queryChanged(asked, false);
        counting.cancel();
        counting = tasks.run(
                () -> new Counts(
                        library.count(asked),
                        library.count(LibraryQuery.ALL),
                        library.count(LibraryQuery.ALL.withFavoritesOnly(true)),
                        library.collections(),
                        library.presetNames(),
                        library.tags()),
                counts -> {
                    count.set(counts.matching());
                    totalCount.set(counts.total());
                    favoriteCount.set(counts.favorites());
                    collections.setAll(counts.collections());
                    presetNames.setAll(counts.presetNames());
                    tags.setAll(counts.tags());
                    selection.retain(counts.matching());
                    changed();
                },
                this::failed);
    }

    private record Counts(
            int matching,
            int total,
            int favorites,
            List<CollectionView> collections,
            List<String> presetNames,
            List<String> tags) {}

    // ---- the query

    public void setPresetName(String name) {
        setQuery(query.get().withPresetName(name));
    }

    public void setKind(MediaKind kind) {
        setQuery(query.get().withKind(kind));
    }

    /** The format filter: {@code "9:16"}, or null for every format. */
    public void setAspectRatio(String aspectRatio) {
        setQuery(query.get().withAspectRatio(aspectRatio));
    }

    /** Shows only the takes of one request (clicking a tile's "2 of 4"); null shows every result again. */
    public void showGroup(UUID groupId) {
        setQuery(query.get().withGroup(groupId));
    }

    public void setDates(LocalDate from, LocalDate to) {
        setQuery(query.get().withDates(from, to));
    }

    public void setTag(String tag) {
        setQuery(query.get().withTag(tag));
    }

    public void setSort(LibraryQuery.Sort sort) {
        setQuery(query.get().withSort(sort));
    }

    /** The sidebar: every result. */
    public void showAll() {
        setQuery(query.get().withCollection(null).withFavoritesOnly(false));
    }

    /** The sidebar: favourites only. */
    public void showFavorites() {
        setQuery(query.get().withCollection(null).withFavoritesOnly(true));
    }

    /** The sidebar: one collection's results. */
    public void showCollection(UUID collectionId) {
        setQuery(query.get().withCollection(collectionId).withFavoritesOnly(false));
    }

    /** Searches now instead of after the typing pause (Enter in the search field). */
    public void searchNow() {
        pendingSearch.cancel();
        setQuery(query.get().withText(searchText.get()));
    }

    private void setQuery(LibraryQuery next) {
        if (next.equals(query.get())) {
            return;
        }
        query.set(next);
        selection.queryChanged(next, true);
        reload();
    }

    // ---- results by index

    /** The result at {@code index} of the current query, or null while it loads. */
    public GalleryItem item(int index) {
        return index < 0 || index >= count.get() ? null : pages.get(index);
    }

    public LibrarySelection selection() {
        return selection;
    }

    // ---- edits on the selection (or one result)

    public void toggleFavorite(GalleryItem item) {
        edit(() -> library.setFavorite(List.of(item.id()), !item.library().favorite()), null);
    }

    public void favoriteSelection(boolean favorite) {
        Set<UUID> ids = selection.ids();
        edit(
                () -> library.setFavorite(ids, favorite),
                messages.get(favorite ? "gallery.bulk.favorited" : "gallery.bulk.unfavorited", ids.size()));
    }

    public void tagSelection(String tag) {
        if (tag == null || tag.isBlank()) {
            return;
        }
        Set<UUID> ids = selection.ids();
        edit(
                () -> library.addTags(ids, List.of(tag.strip())),
                messages.get("gallery.bulk.tagged", tag.strip(), ids.size()));
    }

    public void untagSelection(String tag) {
        if (tag == null || tag.isBlank()) {
            return;
        }
        Set<UUID> ids = selection.ids();
        edit(
                () -> library.removeTags(ids, List.of(tag.strip())),
                messages.get("gallery.bulk.untagged", tag.strip(), ids.size()));
    }

    public void addSelectionTo(CollectionView collection) {
        Set<UUID> ids = selection.ids();
        edit(
                () -> library.addToCollection(collection.id(), ids),
                messages.get("gallery.bulk.addedTo", ids.size(), collection.name()));
    }

    /** Deletes the selection (the view asked first). */
    public void deleteSelection() {
        Set<UUID> ids = selection.ids();
        selection.clear();
        edit(() -> library.delete(ids), messages.get("gallery.bulk.deleted", ids.size()));
    }

    public void createCollection(String name) {
        if (name != null && !name.isBlank()) {
            edit(
                    () -> library.createCollection(name.strip()),
                    messages.get("gallery.collection.created", name.strip()));
        }
    }

    public void renameCollection(CollectionView collection, String name) {
        if (name != null && !name.isBlank()) {
            edit(() -> library.renameCollection(collection.id(), name.strip()), null);
        }
    }

    /** Deletes the collection (the view asked first); its results stay. */
    public void deleteCollection(CollectionView collection) {
        if (collection.id().equals(query.get().collectionId())) {
            showAll();
        }
        edit(
                () -> library.deleteCollection(collection.id()),
                messages.get("gallery.collection.deleted", collection.name()));
    }

    @FunctionalInterface
    private interface Edit {
        void apply() throws Exception;
    }

    private void edit(Edit change, String done) {
        tasks.run(
                () -> {
                    change.apply();
                    return done;
                },
                said -> {
                    if (said != null) {
                        activity.say(Tone.SUCCESS, said);
                    }
                    reload(); // the library's listener also says so; this covers a library without one
                },
                this::failed);
    }

    // ---- export

    /** Copies the selection's originals into {@code folder}, with progress; {@link #cancelExport()} stops it. */
    public void exportSelection(Path folder) {
        List<UUID> ids = List.copyOf(selection.ids());
        if (ids.isEmpty() || exporting.get()) {
            return;
        }
        exporting.set(true);
        exportProgress.set(0);
        activity.working(messages.get("gallery.bulk.exporting", 1, ids.size()));
        exportTask = tasks.submit(
                progress -> new BulkExport(library, messages).run(ids, folder, progress),
                outcome -> {
                    exporting.set(false);
                    String summary = messages.get(
                            outcome.cancelled() ? "gallery.bulk.exportCancelled" : "gallery.bulk.exported",
                            outcome.exported(),
                            folder.toString());
                    if (outcome.failures().isEmpty()) {
                        activity.done(summary);
                    } else {
                        activity.failed(summary + " " + String.join(" ", outcome.failures()));
                    }
                },
                error -> {
                    exporting.set(false);
                    failed(error);
                },
                progress -> {
                    exportProgress.set(progress.fraction());
                    activity.working(progress.message());
                });
    }

    public void cancelExport() {
        if (exporting.get()) {
            exportTask.cancel();
            exporting.set(false);
            activity.say(Tone.INFO, messages.get("gallery.bulk.exportStopped"));
        }
    }

    private void changed() {
        revision.set(revision.get() + 1);
    }

    /** A word for the notice line (a single export done). */
    void said(String text) {
        activity.say(Tone.SUCCESS, text);
    }

    void failed(Exception error) {
        String reason = error.getMessage() == null ? messages.get("gallery.bulk.noReason") : error.getMessage();
        activity.say(Tone.ERROR, messages.get("gallery.libraryFailed", reason));
    }

    // ---- properties

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ReadOnlyObjectProperty<LibraryQuery> queryProperty() {
        return query.getReadOnlyProperty();
    }

    /** How many results match the query. */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** "1 result", "50,000 results". */
    /** The count, and while the server cannot be reached, that the results shown are this computer's copies. */
    private void updateStatus() {
        String counted = messages.get("gallery.count", count.get());
        status.set(offline.get() ? messages.get("gallery.countOffline", counted) : counted);
    }

    /** Whether the server cannot be reached (the studio binds it to the session); the subtitle then says so. */
    public BooleanProperty offlineProperty() {
        return offline;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Grows whenever shown results or the selection changed: the grid redraws its visible cells. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return activity.messageProperty();
    }

    public ReadOnlyObjectProperty<Tone> noticeToneProperty() {
        return activity.toneProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty exportProgressProperty() {
        return exportProgress.getReadOnlyProperty();
    }

    public ObservableList<CollectionView> collections() {
        return collections;
    }

    public ObservableList<String> presetNames() {
        return presetNames;
    }

    public ObservableList<String> tags() {
        return tags;
    }

    public ReadOnlyIntegerProperty totalCountProperty() {
        return totalCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty favoriteCountProperty() {
        return favoriteCount.getReadOnlyProperty();
    }

    public Library library() {
        return library;
    }
}
