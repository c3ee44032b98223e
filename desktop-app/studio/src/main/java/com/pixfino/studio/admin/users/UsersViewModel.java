package com.pixfino.studio.admin.users;

import com.pixfino.model.AccountStatus;
import com.pixfino.model.Role;
import com.pixfino.model.Tier;
import com.pixfino.model.api.AdminUserView;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.model.api.Page;
import com.pixfino.studio.core.admin.AdminAccess;
import com.pixfino.studio.core.admin.AdminApi;
import com.pixfino.studio.core.admin.UsersQuery;
import com.pixfino.studio.core.admin.UsersSort;
import com.pixfino.studio.core.concurrent.Cancellable;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.concurrent.TaskHandle;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.session.ServerCalls;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.session.SessionViewModel;
import com.pixfino.studio.ui.ActivityStatus;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import com.pixfino.studio.ui.PagedRows;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The admin users table: searched (debounced), filtered by tier and status, sorted and paged by the server (its
 * cursor, "Load more"), and the two forms that change an account. UI thread only.
 */
public final class UsersViewModel {

    /** Rows per page. */
    public static final int PAGE = 50;

    /** Typing pauses this long before the search is sent. */
    public static final Duration DEBOUNCE = Duration.ofMillis(300);

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);

    private final TaskExecutor tasks;
    private final Session session;
    private final AdminAccess admin;
    private final Messages messages;
    private final ZoneId zone;
    private final ActivityStatus status = new ActivityStatus();
    private final ServerCalls calls;
    private final CreditAdjustment adjustment;
    private final Suspension suspension;

    private final PagedRows<AdminUserView> users = new PagedRows<>();
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<Tier> tier = new SimpleObjectProperty<>(this, "tier");
    private final ObjectProperty<AccountStatus> accountStatus = new SimpleObjectProperty<>(this, "accountStatus");
    private final ReadOnlyObjectWrapper<UsersQuery> query = new ReadOnlyObjectWrapper<>(this, "query", UsersQuery.ALL);
    private TaskHandle loading = TaskHandle.NONE;
    private Cancellable typing = () -> {};

    public UsersViewModel(
            TaskExecutor tasks,
            Session session,
            SessionViewModel sessions,
            AdminAccess admin,
            Messages messages,
            ZoneId zone) {
        this.tasks = tasks;
        this.session = session;
        this.admin = admin;
        this.messages = messages;
        this.zone = zone;
        this.calls = new ServerCalls(tasks, sessions, messages, status);
        AdminCall call = new AdminCall(tasks, sessions, messages);
        adjustment = new CreditAdjustment(call, this::api, messages, this::adjusted);
        suspension = new Suspension(call, this::api, messages, this::statusChanged);
        search.addListener((obs, was, now) -> {
            typing.cancel();
            typing = tasks.schedule(DEBOUNCE, () -> ask(query.get().withSearch(now)));
        });
        tier.addListener((obs, was, now) -> ask(query.get().withTier(now)));
        accountStatus.addListener((obs, was, now) -> ask(query.get().withStatus(now)));
        session.signedInProperty().addListener((obs, was, signedIn) -> {
            if (!signedIn) {
                loading.cancel();
                typing.cancel();
                users.clear();
                adjustment.cancel();
                suspension.cancel();
                status.clear();
            }
        });
    }

    /** Orders by {@code sort} (a column header was clicked); null goes back to the newest accounts first. */
    public void sortBy(UsersSort sort, boolean descending) {
        ask(
                sort == null
                        ? query.get().sortedBy(UsersSort.JOINED, true)
                        : query.get().sortedBy(sort, descending));
    }

    /** Reads the first page again (F5, and when the screen shows). */
    public void refresh() {
        load(query.get(), null);
    }

    /** The next page, after the rows shown. */
    public void loadMore() {
        if (users.next() != null && !status.isBusy()) {
            load(query.get(), users.next());
        }
    }

    private void ask(UsersQuery next) {
        if (!next.equals(query.get())) {
            query.set(next);
            load(next, null);
        }
    }

    private void load(UsersQuery asked, String after) {
        if (!session.isSignedIn()) {
            return;
        }
        if (!session.isOnline()) {
            status.say(Tone.INFO, messages.get("admin.users.offline"));
            return;
        }
        loading.cancel(); // a newer question replaces the one in flight
        AdminApi api = api();
        status.working(after == null && users.rows().isEmpty() ? messages.get("admin.users.loading") : "");
        loading = calls.run(
                () -> api.users(asked, after, PAGE), page -> show(page, after != null), "admin.users.loadFailed");
    }

    private void show(Page<AdminUserView> page, boolean appended) {
        users.show(page, appended);
        status.done(users.rows().isEmpty() ? messages.get("admin.users.none") : "");
    }

    private AdminApi api() {
        return admin.of(session.api());
    }

    /** Opens "Adjust credits" for {@code user}. */
    public void adjust(AdminUserView user) {
        if (user != null) {
            suspension.cancel();
            adjustment.open(user);
        }
    }

    /** Opens "Suspend" or "Unsuspend" for {@code user}; never for the admin's own account. */
    public void suspendOrUnsuspend(AdminUserView user) {
        if (user != null && !isSelf(user)) {
            adjustment.cancel();
            suspension.open(user);
        }
    }

    /** The signed-in admin's own row: it cannot be suspended. */
    public boolean isSelf(AdminUserView user) {
        return user != null
                && session.userProperty().get() != null
                && session.userProperty().get().id().equals(user.id());
    }

    private void adjusted(AdminUserView user, LedgerEntryView row) {
        replace(withCredits(user, row.balanceAfter()));
        status.done(messages.get(
                row.amount() >= 0 ? "admin.users.adjust.added" : "admin.users.adjust.removed",
                Math.abs(row.amount()),
                label(user),
                row.balanceAfter()));
    }

    private void statusChanged(AdminUserView user) {
        if (user != null) {
            replace(user);
            status.done(messages.get(
                    suspended(user) ? "admin.users.suspend.done" : "admin.users.unsuspend.done", label(user)));
        }
    }

    private void replace(AdminUserView changed) {
        ObservableList<AdminUserView> rows = users.rows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(changed.id())) {
                rows.set(i, changed);
            }
        }
    }

    private static AdminUserView withCredits(AdminUserView user, int credits) {
        return new AdminUserView(
                user.id(),
                user.email(),
                user.name(),
                user.role(),
                user.tier(),
                credits,
                user.generations(),
                user.status(),
                user.joinedAt(),
                user.lastLoginAt());
    }

    // ---- words for the table

    public String label(AdminUserView user) {
        return user.name() == null || user.name().isBlank() ? user.email() : user.name();
    }

    public String tierText(AdminUserView user) {
        return user.tier() == null
                ? ""
                : messages.get("admin.tier." + user.tier().name());
    }

    public String statusText(AdminUserView user) {
        String key = "admin.users.status." + String.valueOf(user.status()).toUpperCase(Locale.ROOT);
        String text = messages.has(key) ? messages.get(key) : String.valueOf(user.status());
        return user.role() == Role.ADMIN ? messages.get("admin.users.adminBadge", text) : text;
    }

    public boolean suspended(AdminUserView user) {
        return AccountStatus.SUSPENDED.name().equals(user.status());
    }

    public String when(OffsetDateTime at) {
        return at == null ? messages.get("admin.users.never") : WHEN.format(at.atZoneSameInstant(zone));
    }

    public ObservableList<AdminUserView> users() {
        return users.rows();
    }

    public ActivityStatus status() {
        return status;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<Tier> tierProperty() {
        return tier;
    }

    public ObjectProperty<AccountStatus> accountStatusProperty() {
        return accountStatus;
    }

    /** What the table shows now: search, filters and order. */
    public ReadOnlyObjectProperty<UsersQuery> queryProperty() {
        return query.getReadOnlyProperty();
    }

    /** Whether the server has more rows after those shown. */
    public ReadOnlyBooleanProperty moreProperty() {
        return users.moreProperty();
    }

    public CreditAdjustment adjustment() {
        return adjustment;
    }

    public Suspension suspension() {
        return suspension;
    }
}
