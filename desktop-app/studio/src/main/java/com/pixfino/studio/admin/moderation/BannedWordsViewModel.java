package com.pixfino.studio.admin.moderation;

import com.pixfino.model.api.admin.ModerationWords;
import com.pixfino.studio.core.admin.ModerationApi;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.session.ServerCalls;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.session.SessionViewModel;
import com.pixfino.studio.ui.ActivityStatus;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The banned-word list as the admin edits it: words added and removed here, then saved whole (the server replaces the
 * list and records the change in the audit trail) or put back as stored. UI thread only.
 */
public final class BannedWordsViewModel {

    static final int MAX_WORD = 64;
    static final int MAX_WORDS = 2000;

    private final Session session;
    private final Messages messages;
    private final Function<CompanionApi, ModerationApi> apis;
    private final ActivityStatus status = new ActivityStatus();
    private final ServerCalls calls;
    private final ObservableList<String> words = FXCollections.observableArrayList();
    private final StringProperty newWord = new SimpleStringProperty(this, "newWord", "");
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(this, "changed");
    private List<String> stored = List.of();

    public BannedWordsViewModel(
            TaskExecutor tasks,
            Session session,
            SessionViewModel sessions,
            Messages messages,
            Function<CompanionApi, ModerationApi> apis) {
        this.session = session;
        this.messages = messages;
        this.apis = apis;
        this.calls = new ServerCalls(tasks, sessions, messages, status);
        session.signedInProperty().addListener((obs, was, signedIn) -> {
            if (!signedIn) {
                show(List.of());
                status.clear();
            }
        });
    }

    /** Reads the stored list; unsaved edits are kept (say Revert to drop them). */
    public void load() {
        if (!session.isSignedIn() || status.isBusy() || changed.get()) {
            return;
        }
        if (!session.isOnline()) {
            status.say(Tone.INFO, messages.get("admin.moderation.offline"));
            return;
        }
        ModerationApi api = apis.apply(session.api());
        status.working(messages.get("admin.words.loading"));
        calls.run(
                api::words,
                list -> {
                    show(list.words());
                    status.done("");
                },
                "admin.words.loadFailed");
    }

    /** Adds the typed word (or several, separated by commas or new lines). */
    public void add() {
        List<String> typed = new ArrayList<>();
        for (String part : (newWord.get() == null ? "" : newWord.get()).split("[,\\n]")) {
            String word = part.strip();
            if (!word.isEmpty()) {
                typed.add(word);
            }
        }
        if (typed.isEmpty()) {
            status.say(Tone.ERROR, messages.get("admin.words.typeOne"));
            return;
        }
        for (String word : typed) {
            if (word.length() > MAX_WORD) {
                status.say(Tone.ERROR, messages.get("admin.words.tooLong", MAX_WORD));
                return;
            }
        }
        List<String> added = new ArrayList<>();
        for (String word : typed) {
            if (!contains(words, word) && !contains(added, word)) {
                added.add(word);
            }
        }
        if (words.size() + added.size() > MAX_WORDS) {
            status.say(Tone.ERROR, messages.get("admin.words.tooMany", MAX_WORDS));
            return;
        }
        words.addAll(0, added);
        newWord.set("");
        markChanged();
        status.say(
                Tone.INFO,
                added.isEmpty()
                        ? messages.get("admin.words.already")
                        : messages.get("admin.words.added", added.size()));
    }

    public void remove(List<String> chosen) {
        if (chosen == null || chosen.isEmpty()) {
            return;
        }
        words.removeAll(List.copyOf(chosen));
        markChanged();
        status.say(Tone.INFO, messages.get("admin.words.removed", chosen.size()));
    }

    /** Saves the whole list (PUT); the server answers the list as stored. */
    public void save() {
        if (!changed.get() || status.isBusy()) {
            return;
        }
        if (!session.isOnline()) {
            status.say(Tone.ERROR, messages.get("admin.moderation.offline"));
            return;
        }
        ModerationApi api = apis.apply(session.api());
        List<String> list = List.copyOf(words);
        status.working(messages.get("admin.words.saving"));
        calls.run(
                () -> api.replaceWords(new ModerationWords(list)),
                saved -> {
                    show(saved.words());
                    status.done(messages.get("admin.words.saved", words.size()));
                },
                "admin.words.saveFailed");
    }

    /** Drops the unsaved edits: the list as last read or saved. */
    public void revert() {
        show(stored);
        status.say(Tone.INFO, messages.get("admin.words.reverted"));
    }

    private void show(List<String> list) {
        stored = list == null ? List.of() : List.copyOf(list);
        words.setAll(stored);
        changed.set(false);
    }

    private void markChanged() {
        changed.set(!words.equals(stored));
    }

    private static boolean contains(List<String> list, String word) {
        String folded = word.toLowerCase(Locale.ROOT);
        return list.stream().anyMatch(w -> w.toLowerCase(Locale.ROOT).equals(folded));
    }

    public ObservableList<String> words() {
        return words;
    }

    public StringProperty newWordProperty() {
        return newWord;
    }

    /** Whether the list differs from the one stored on the server. */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    public ActivityStatus status() {
        return status;
    }
}
