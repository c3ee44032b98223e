package com.pixfino.studio.admin.audit;

import com.pixfino.model.api.Page;
import com.pixfino.model.api.admin.AuditEntryView;
import com.pixfino.studio.core.admin.AdminAccess;
import com.pixfino.studio.core.admin.AdminApi;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.concurrent.TaskHandle;
import com.pixfino.studio.core.i18n.Messages;
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
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.collections.ObservableList;

/** The audit log: every admin action, newest first, paged with the server's cursor. UI thread only. */
public final class AuditViewModel {

    /** Rows per page. */
    public static final int PAGE = 50;

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.MEDIUM);

    private final Session session;
    private final AdminAccess admin;
    private final Messages messages;
    private final ZoneId zone;
    private final ActivityStatus status = new ActivityStatus();
    private final ServerCalls calls;
    private final PagedRows<AuditEntryView> entries = new PagedRows<>();
    private TaskHandle loading = TaskHandle.NONE;

    public AuditViewModel(
            TaskExecutor tasks,
            Session session,
            SessionViewModel sessions,
            AdminAccess admin,
            Messages messages,
            ZoneId zone) {
        this.session = session;
        this.admin = admin;
        this.messages = messages;
        this.zone = zone;
        this.calls = new ServerCalls(tasks, sessions, messages, status);
        session.signedInProperty().addListener((obs, was, signedIn) -> {
            if (!signedIn) {
                loading.cancel();
                entries.clear();
                status.clear();
            }
        });
    }

    /** The newest page again (F5, and each time the screen shows). */
    public void refresh() {
        load(null);
    }

    /** The next, older page. */
    public void loadMore() {
        if (entries.next() != null && !status.isBusy()) {
            load(entries.next());
        }
    }

    private void load(String after) {
        if (!session.isSignedIn()) {
            return;
        }
        if (!session.isOnline()) {
            status.say(Tone.INFO, messages.get("admin.audit.offline"));
            return;
        }
        loading.cancel();
        AdminApi api = admin.of(session.api());
        status.working(entries.rows().isEmpty() ? messages.get("admin.audit.loading") : "");
        loading = calls.run(() -> api.audit(after, PAGE), page -> show(page, after != null), "admin.audit.loadFailed");
    }

    private void show(Page<AuditEntryView> page, boolean appended) {
        entries.show(page, appended);
        status.done(entries.rows().isEmpty() ? messages.get("admin.audit.none") : "");
    }

    // ---- words for the table

    public String when(AuditEntryView entry) {
        OffsetDateTime at = entry.at();
        return at == null ? "" : WHEN.format(at.atZoneSameInstant(zone));
    }

    public String adminText(AuditEntryView entry) {
        return entry.adminEmail() == null ? messages.get("admin.audit.adminGone") : entry.adminEmail();
    }

    /** The product's words for the action when the studio knows it, else the server's code. */
    public String action(AuditEntryView entry) {
        String key = "admin.audit.action." + entry.action();
        return messages.has(key) ? messages.get(key) : String.valueOf(entry.action());
    }

    public String target(AuditEntryView entry) {
        String type = entry.targetType() == null ? "" : entry.targetType();
        String key = "admin.audit.target." + type;
        String name = messages.has(key) ? messages.get(key) : type;
        String id = entry.targetId();
        // a UUID's first block names the account well enough beside the others on screen
        return id == null ? name : name + " " + (id.length() == 36 && id.charAt(8) == '-' ? id.substring(0, 8) : id);
    }

    /** "credits: 100 → 115", one field after another; a field only before or after shows "–" on the other side. */
    public String change(AuditEntryView entry) {
        Map<String, Object> before = entry.before() == null ? Map.of() : entry.before();
        Map<String, Object> after = entry.after() == null ? Map.of() : entry.after();
        TreeSet<String> fields = new TreeSet<>(before.keySet());
        fields.addAll(after.keySet());
        return fields.stream()
                .map(field ->
                        messages.get("admin.audit.change", field, text(before.get(field)), text(after.get(field))))
                .collect(Collectors.joining("; "));
    }

    public String reason(AuditEntryView entry) {
        return entry.reason() == null ? "" : entry.reason();
    }

    private static String text(Object value) {
        return value == null ? "\u2013" : String.valueOf(value);
    }

    public ObservableList<AuditEntryView> entries() {
        return entries.rows();
    }

    public ActivityStatus status() {
        return status;
    }

    public ReadOnlyBooleanProperty moreProperty() {
        return entries.moreProperty();
    }
}
