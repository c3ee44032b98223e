package com.pixfino.studio.create;

import com.pixfino.model.PresetCategory;
import com.pixfino.model.Tier;
import com.pixfino.model.api.PresetView;
import com.pixfino.model.api.UserView;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.generate.KnownPresets;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.FailureMessages;
import com.pixfino.studio.core.presets.PresetPreviewCache;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.session.SessionViewModel;
import com.pixfino.studio.ui.ActivityStatus;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The preset catalog: categories, search, featured first (the server's order), PRO locks and selection. */
public final class PresetBrowserViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(PresetBrowserViewModel.class);

    private final TaskExecutor tasks;
    private final Session session;
    private final SessionViewModel sessions;
    private final Messages messages;
    private final FailureMessages failures;
    private final ObservableList<PresetView> all = FXCollections.observableArrayList();
    private final FilteredList<PresetView> visible = new FilteredList<>(all);
    private final ObjectProperty<PresetCategory> category = new SimpleObjectProperty<>(this, "category");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<PresetView> selected = new SimpleObjectProperty<>(this, "selected");
    private final ActivityStatus activity = new ActivityStatus(); // busy: the catalog is loading
    private final KnownPresets known;
    private final PresetPictures pictures;
    private boolean fromServer; // false while the list is the copy kept from an earlier session

    public PresetBrowserViewModel(TaskExecutor tasks, Session session, SessionViewModel sessions, Messages messages) {
        this(tasks, session, sessions, messages, null);
    }

    /** {@code known} keeps the catalog each server sent, offered while that server cannot be reached; null: none. */
    public PresetBrowserViewModel(
            TaskExecutor tasks, Session session, SessionViewModel sessions, Messages messages, KnownPresets known) {
        this(tasks, session, sessions, messages, known, null);
    }

    /** {@code previews} keeps the presets' pictures on disk; null: the monogram art everywhere. */
    public PresetBrowserViewModel(
            TaskExecutor tasks,
            Session session,
            SessionViewModel sessions,
            Messages messages,
            KnownPresets known,
            PresetPreviewCache previews) {
        this.pictures = new PresetPictures(tasks, session, previews);
        this.tasks = tasks;
        this.known = known;
        this.session = session;
        this.sessions = sessions;
        this.messages = messages;
        this.failures = new FailureMessages(messages);
        visible.predicateProperty()
                .bind(Bindings.createObjectBinding(
                        () -> preset -> matches(preset, category.get(), search.get()), category, search));
        visible.addListener((javafx.collections.ListChangeListener<PresetView>) change -> updateStatus());
        session.onlineProperty().addListener((obs, was, online) -> {
            if (online && !fromServer) {
                load();
            }
        });
        session.signedInProperty().addListener((obs, was, signedIn) -> {
            if (signedIn && session.isOnline() && !fromServer) {
                load();
            } else if (signedIn) {
                loadKnown();
            } else {
                selected.set(null);
                search.set("");
                category.set(null);
            }
        });
    }

    /** Reads the catalog from the server. */
    public void load() {
        if (!session.isSignedIn() || activity.isBusy()) {
            return;
        }
        activity.working(messages.get("presets.loading"));
        var api = session.api();
        String server = session.server().toString();
        tasks.run(
                () -> {
                    List<PresetView> presets = api.presets();
                    keep(server, presets);
                    return presets;
                },
                presets -> {
                    activity.done("");
                    fromServer = true;
                    replaceAll(presets);
                    updateStatus();
                },
                error -> {
                    sessions.callFailed(error);
                    activity.failed(messages.get("presets.loadFailed", failures.describe(error)));
                });
    }

    /** Offline at sign-in: the catalog this server sent last time, so Generate can still be kept for later. */
    private void loadKnown() {
        if (known == null || !all.isEmpty()) {
            return;
        }
        String server = session.server().toString();
        tasks.run(
                () -> known.read(server),
                presets -> {
                    if (all.isEmpty() && session.isSignedIn()) {
                        all.setAll(presets);
                        updateStatus();
                    }
                },
                error -> {});
    }

    private void keep(String server, List<PresetView> presets) {
        if (known == null) {
            return;
        }
        try {
            known.write(server, presets);
        } catch (java.io.IOException e) {
            LOG.warn("event=known_presets_not_saved reason={}", e.getMessage());
        }
    }

    /** The server's list replaces the kept one; a selection survives if the style still exists (ids are stable). */
    private void replaceAll(List<PresetView> presets) {
        PresetView chosen = selected.get();
        all.setAll(presets);
        if (chosen != null) {
            selected.set(presets.stream()
                    .filter(p -> p.id() == chosen.id())
                    .findFirst()
                    .orElse(null));
        }
    }

    static boolean matches(PresetView preset, PresetCategory category, String search) {
        if (category != null && preset.category() != category) {
            return false;
        }
        if (search == null || search.isBlank()) {
            return true;
        }
        String needle = search.strip().toLowerCase(Locale.ROOT);
        return preset.name().toLowerCase(Locale.ROOT).contains(needle)
                || preset.slug().contains(needle)
                || preset.category().label().toLowerCase(Locale.ROOT).contains(needle)
                || preset.kind().name().toLowerCase(Locale.ROOT).contains(needle);
    }

    /** Why the signed-in user cannot use this preset, or empty when they can. */
    public Optional<String> lockReason(PresetView preset) {
        UserView user = session.userProperty().get();
        Tier tier = user == null ? Tier.FREE : user.tier();
        if (preset.pro() && !tier.isPaid()) {
            return Optional.of(messages.get("presets.locked", preset.name()));
        }
        return Optional.empty();
    }

    public void select(PresetView preset) {
        selected.set(preset);
    }

    private void updateStatus() {
        if (!activity.isBusy() && !all.isEmpty()) {
            activity.say(Tone.INFO, visible.isEmpty() ? messages.get("presets.noMatch") : "");
        }
    }

    /** The presets' pictures, shared by the browser's tiles and the batch screen's list. */
    public PresetPictures pictures() {
        return pictures;
    }

    public ObservableList<PresetView> visiblePresets() {
        return visible;
    }

    public ObservableList<PresetView> allPresets() {
        return all;
    }

    /** The chosen category; null shows all. */
    public ObjectProperty<PresetCategory> categoryProperty() {
        return category;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<PresetView> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty statusProperty() {
        return activity.messageProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return activity.busyProperty();
    }
}
