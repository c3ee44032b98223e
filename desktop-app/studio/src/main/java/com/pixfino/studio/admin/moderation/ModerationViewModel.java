package com.pixfino.studio.admin.moderation;

import com.pixfino.model.api.Page;
import com.pixfino.model.api.admin.ModerationFlagView;
import com.pixfino.model.api.admin.ResolveFlagRequest;
import com.pixfino.studio.core.admin.ModerationApi;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.session.ServerCalls;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.session.SessionViewModel;
import com.pixfino.studio.ui.ActivityStatus;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import com.pixfino.studio.ui.PagedRows;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The moderation queue: open or resolved flags, newest first, a page at a time; the selected open flag is dismissed at
 * once, or — once the admin confirms — its generation deleted or its user suspended, with an optional note. UI thread
 * only.
 */
public final class ModerationViewModel {

    /** Which flags the queue shows. */
    public enum Queue {
        OPEN,
        RESOLVED
    }

    static final int PAGE = 50;
    static final int MAX_NOTE = 500;
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);

    private final Session session;
    private final Messages messages;
    private final Function<CompanionApi, ModerationApi> apis;
    private final ActivityStatus status = new ActivityStatus();
    private final ServerCalls calls;
    private final ObjectProperty<Queue> queue = new SimpleObjectProperty<>(this, "queue", Queue.OPEN);
    private final PagedRows<ModerationFlagView> pages = new PagedRows<>();
    private final ObservableList<ModerationFlagView> flags = pages.rows();
    private final ObjectProperty<ModerationFlagView> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final ReadOnlyObjectWrapper<FlagAction> pending = new ReadOnlyObjectWrapper<>(this, "pending");
    private final ReadOnlyStringWrapper emptyNotice = new ReadOnlyStringWrapper(this, "emptyNotice", "");

    public ModerationViewModel(
            TaskExecutor tasks,
            Session session,
            SessionViewModel sessions,
            Messages messages,
            Function<CompanionApi, ModerationApi> apis) {
        this.session = session;
        this.messages = messages;
        this.apis = apis;
        this.calls = new ServerCalls(tasks, sessions, messages, status);
        queue.addListener((obs, was, now) -> {
            pending.set(null);
            pages.clear();
            refresh();
        });
        selected.addListener((obs, was, now) -> pending.set(null));
        session.signedInProperty().addListener((obs, was, signedIn) -> {
            if (!signedIn) {
                pages.clear();
                pending.set(null);
                note.set("");
                status.clear();
            }
        });
    }

    /** Reads the first page of the queue shown (F5, when the screen shows, when the queue changes). */
    public void refresh() {
        load(null);
    }

    /** The next page, after those shown. */
    public void loadMore() {
        if (pages.next() != null) {
            load(pages.next());
        }
    }

    private void load(String cursor) {
        if (!calls.mayRead(session, "admin.moderation.offline")) {
            return;
        }
        ModerationApi api = apis.apply(session.api());
        String which = queue.get() == Queue.OPEN ? "open" : "resolved";
        status.working(flags.isEmpty() ? messages.get("admin.moderation.loading") : "");
        calls.run(
                () -> api.flags(which, cursor, PAGE),
                page -> {
                    show(page, cursor != null);
                    status.done("");
                },
                "admin.moderation.loadFailed");
    }

    private void show(Page<ModerationFlagView> page, boolean append) {
        pages.show(page, append);
        emptyNotice.set(
                flags.isEmpty()
                        ? messages.get(
                                queue.get() == Queue.OPEN
                                        ? "admin.moderation.emptyOpen"
                                        : "admin.moderation.emptyResolved")
                        : "");
    }

    /** Dismiss goes at once; deleting the generation or suspending the user is asked about first. */
    public void act(FlagAction action) {
        ModerationFlagView flag = selected.get();
        if (flag == null || status.isBusy()) {
            return;
        }
        if (!available(flag, action)) {
            status.say(Tone.ERROR, unavailable(flag, action));
            return;
        }
        if (note.get() != null && note.get().strip().length() > MAX_NOTE) {
            status.say(Tone.ERROR, messages.get("admin.moderation.noteTooLong", MAX_NOTE));
            return;
        }
        if (action.destructive()) {
            pending.set(action);
        } else {
            resolve(flag, action);
        }
    }

    public void confirm() {
        FlagAction action = pending.get();
        ModerationFlagView flag = selected.get();
        pending.set(null);
        if (action != null && flag != null) {
            resolve(flag, action);
        }
    }

    public void cancelConfirm() {
        pending.set(null);
    }

    /** The confirm bar's question, or "" while nothing is asked. */
    public String question() {
        FlagAction action = pending.get();
        ModerationFlagView flag = selected.get();
        if (action == null || flag == null) {
            return "";
        }
        return messages.get("admin.moderation.confirm." + action.key(), user(flag));
    }

    private void resolve(ModerationFlagView flag, FlagAction action) {
        if (!session.isOnline()) {
            status.say(Tone.ERROR, messages.get("admin.moderation.offline"));
            return;
        }
        ModerationApi api = apis.apply(session.api());
        String text = note.get() == null ? "" : note.get().strip();
        status.working(messages.get("admin.moderation.resolving"));
        calls.run(
                () -> api.resolve(flag.id(), new ResolveFlagRequest(action.wire(), text.isEmpty() ? null : text)),
                resolved -> {
                    int at = indexOf(flag.id());
                    if (at >= 0) {
                        if (queue.get() == Queue.OPEN) {
                            flags.remove(at);
                        } else {
                            flags.set(at, resolved);
                        }
                    }
                    note.set("");
                    selected.set(null);
                    if (flags.isEmpty()) {
                        emptyNotice.set(messages.get("admin.moderation.emptyOpen"));
                    }
                    status.done(messages.get("admin.moderation.resolved." + action.key(), user(flag)));
                },
                "admin.moderation.resolveFailed");
    }

    private int indexOf(long id) {
        for (int i = 0; i < flags.size(); i++) {
            if (flags.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code action} can apply to {@code flag}: a refused prompt has no generation to delete. */
    public boolean available(ModerationFlagView flag, FlagAction action) {
        if (flag == null || !"open".equals(flag.status())) {
            return false;
        }
        return switch (action) {
            case DISMISS -> true;
            case DELETE_GENERATION -> flag.generationId() != null;
            case SUSPEND_USER -> flag.userId() != null;
        };
    }

    private String unavailable(ModerationFlagView flag, FlagAction action) {
        if (!"open".equals(flag.status())) {
            return messages.get("admin.moderation.alreadyResolved");
        }
        return messages.get("admin.moderation.unavailable." + action.key());
    }

    public String source(ModerationFlagView flag) {
        String key = "admin.moderation.source." + flag.source();
        return messages.has(key) ? messages.get(key) : flag.source();
    }

    public String user(ModerationFlagView flag) {
        return flag.userEmail() == null ? messages.get("admin.moderation.goneUser") : flag.userEmail();
    }

    /** The refused prompt, or the provider's or reporter's reason. */
    public String text(ModerationFlagView flag) {
        String text = flag.prompt() != null && !flag.prompt().isBlank() ? flag.prompt() : flag.reason();
        return text == null ? "" : text;
    }

    public String matched(ModerationFlagView flag) {
        return String.join(", ", flag.matched());
    }

    public String when(OffsetDateTime at) {
        return at == null ? "" : WHEN.format(at.atZoneSameInstant(ZoneId.systemDefault()));
    }

    /** "Dismissed · spam report" for a resolved flag, "Open" for one waiting. */
    public String outcome(ModerationFlagView flag) {
        FlagAction action = FlagAction.ofWire(flag.action());
        if (!"resolved".equals(flag.status()) || action == null) {
            return messages.get("admin.moderation.open");
        }
        String done = messages.get("admin.moderation.outcome." + action.key());
        return flag.note() == null || flag.note().isBlank() ? done : done + " \u00b7 " + flag.note();
    }

    public ObservableList<ModerationFlagView> flags() {
        return flags;
    }

    public ObjectProperty<Queue> queueProperty() {
        return queue;
    }

    public ObjectProperty<ModerationFlagView> selectedProperty() {
        return selected;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ReadOnlyObjectProperty<FlagAction> pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty moreProperty() {
        return pages.moreProperty();
    }

    public ReadOnlyStringProperty emptyNoticeProperty() {
        return emptyNotice.getReadOnlyProperty();
    }

    public ActivityStatus status() {
        return status;
    }
}
