package com.pixfino.studio.gallery;

import com.pixfino.model.api.GenerationView;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.concurrent.TaskHandle;
import com.pixfino.studio.core.gallery.GalleryCache;
import com.pixfino.studio.core.gallery.GalleryItem;
import com.pixfino.studio.core.gallery.GallerySync;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.core.net.FailureMessages;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.session.SessionViewModel;
import com.pixfino.studio.ui.ActivityStatus;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The gallery screen: the cached results first, then the server's; delete and export. */
public final class GalleryViewModel {

    private final TaskExecutor tasks;
    private final GalleryCache cache;
    private final GallerySync sync;
    private final Session session;
    private final SessionViewModel sessions;
    private final Messages messages;
    private final FailureMessages failures;
    private final ObservableList<GalleryItem> items = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ActivityStatus activity = new ActivityStatus();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private TaskHandle cacheLoad = TaskHandle.NONE;
    private TaskHandle serverSync = TaskHandle.NONE;

    public GalleryViewModel(
            TaskExecutor tasks,
            GalleryCache cache,
            GallerySync sync,
            Session session,
            SessionViewModel sessions,
            Messages messages) {
        this.tasks = tasks;
        this.cache = cache;
        this.sync = sync;
        this.session = session;
        this.sessions = sessions;
        this.messages = messages;
        this.failures = new FailureMessages(messages);
        session.userProperty().addListener((obs, was, now) -> {
            if (now == null) {
                clear();
            } else if (was == null || !was.id().equals(now.id())) {
                load();
            }
        });
        session.onlineProperty().addListener((obs, was, online) -> {
            updateStatus();
            if (online && loaded.get()) {
                refresh();
            }
        });
        items.addListener((javafx.collections.ListChangeListener<GalleryItem>) change -> updateStatus());
        session.signedInProperty().addListener(obs -> updateStatus());
    }

    /** Shows what this computer has cached at once, then asks the server for anything newer. */
    public void load() {
        String owner = session.ownerId();
        if (owner == null) {
            return;
        }
        stopLoading(); // what an earlier account's load or sync brings back belongs to nobody now
        cacheLoad = tasks.run(
                () -> cache.items(owner),
                cached -> {
                    items.setAll(cached);
                    loaded.set(true);
                    if (session.isOnline()) {
                        refresh();
                    }
                },
                error -> activity.say(Tone.ERROR, messages.get("gallery.cacheFailed", error.getMessage())));
    }

    /** Syncs with the server (F5). */
    public void refresh() {
        String owner = session.ownerId();
        if (owner == null || activity.isBusy()) {
            return;
        }
        if (!session.isOnline()) {
            activity.say(Tone.INFO, messages.get("gallery.offlineRefresh"));
            return;
        }
        activity.working();
        var api = session.api();
        serverSync = tasks.run(
                () -> sync.sync(api, owner),
                synced -> {
                    activity.done("");
                    sessions.callSucceeded();
                    items.setAll(synced);
                },
                error -> {
                    sessions.callFailed(error);
                    activity.failed(messages.get("gallery.refreshFailed", failures.describe(error)));
                });
    }

    /** A generation just completed: put it in front without a full sync. */
    public void added(GenerationView view) {
        String owner = session.ownerId();
        if (owner == null) {
            return;
        }
        var api = session.api();
        tasks.run(
                () -> sync.add(api, owner, view),
                item -> {
                    if (owner.equals(session.ownerId())) {
                        items.removeIf(existing -> existing.id().equals(item.id()));
                        items.add(0, item);
                    }
                },
                error -> activity.say(Tone.ERROR, messages.get("gallery.refreshFailed", failures.describe(error))));
    }

    /** Deletes on the server and here; offline it refuses, or the result would come back at the next sync. */
    public void delete(GalleryItem item, Runnable afterwards) {
        String owner = session.ownerId();
        if (owner == null) {
            return;
        }
        if (!session.isOnline()) {
            activity.say(Tone.INFO, messages.get("gallery.offlineDelete"));
            return;
        }
        var api = session.api();
        tasks.run(
                () -> {
                    try {
                        api.delete(item.id());
                    } catch (CompanionApiException e) {
                        if (!e.isNotFound()) {
                            throw e; // already gone on the server is what we wanted
                        }
                    }
                    cache.remove(owner, item.id());
                    return item;
                },
                deleted -> {
                    items.removeIf(existing -> existing.id().equals(deleted.id()));
                    activity.say(Tone.SUCCESS, messages.get("gallery.deleted", label(deleted)));
                    afterwards.run();
                },
                error -> {
                    sessions.callFailed(error);
                    activity.say(Tone.ERROR, messages.get("gallery.deleteFailed", failures.describe(error)));
                });
    }

    /** Copies the full-size result to {@code target} (downloading it first if needed). */
    public void export(GalleryItem item, Path target) {
        String owner = session.ownerId();
        if (owner == null) {
            return;
        }
        var api = session.isOnline() ? session.api() : null;
        tasks.run(
                () -> {
                    Path original = sync.original(api, owner, item);
                    Files.copy(original, target, StandardCopyOption.REPLACE_EXISTING);
                    return target;
                },
                saved -> activity.say(Tone.SUCCESS, messages.get("gallery.exported", saved.toString())),
                error -> activity.say(
                        Tone.ERROR,
                        messages.get(
                                "gallery.exportFailed",
                                api == null ? messages.get("gallery.exportOffline") : failures.describe(error))));
    }

    /** A suggested file name for export: preset name and date, no characters file systems dislike. */
    public String exportName(GalleryItem item) {
        String base = (item.presetName() == null ? "pixfino" : item.presetName()).replaceAll("[^A-Za-z0-9]+", "-");
        String date = item.createdAt() == null ? "" : "-" + item.createdAt().toLocalDate();
        return base.replaceAll("(^-|-$)", "").toLowerCase(java.util.Locale.ROOT) + date + "-"
                + item.id().toString().substring(0, 8) + "." + item.extension();
    }

    public String label(GalleryItem item) {
        return item.presetName() == null ? messages.get("gallery.untitled") : item.presetName();
    }

    private void clear() {
        stopLoading();
        items.clear();
        loaded.set(false);
    }

    private void stopLoading() {
        cacheLoad.cancel();
        serverSync.cancel();
        activity.clear();
    }

    private void updateStatus() {
        int count = items.size();
        String text = messages.get("gallery.count", count);
        status.set(session.isSignedIn() && !session.isOnline() ? messages.get("gallery.countOffline", text) : text);
    }

    public ObservableList<GalleryItem> items() {
        return items;
    }

    /** How many results, and whether they come from the cache only. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The outcome of the last action (deleted, exported, could not refresh…). */
    public ReadOnlyStringProperty noticeProperty() {
        return activity.messageProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return activity.busyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** For views that need it: the current list as a plain snapshot. */
    public List<GalleryItem> snapshot() {
        return List.copyOf(items);
    }
}
