package com.pixfino.studio.account;

import com.pixfino.model.Tier;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.model.api.Page;
import com.pixfino.model.api.UserView;
import com.pixfino.studio.core.concurrent.Progress;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.concurrent.TaskHandle;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.FailureMessages;
import com.pixfino.studio.core.photo.FileSize;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.session.SessionViewModel;
import com.pixfino.studio.ui.ActivityStatus;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import com.pixfino.studio.ui.PagedRows;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

/** The account screen: balance, tier, who is signed in, and the credit ledger. */
public final class AccountViewModel {

    private static final int PAGE_SIZE = 100;

    private final TaskExecutor tasks;
    private final Session session;
    private final SessionViewModel sessions;
    private final Messages messages;
    private final FailureMessages failures;
    private final PagedRows<LedgerEntryView> ledger = new PagedRows<>();
    private final ActivityStatus activity = new ActivityStatus();
    // the "Your data" line: an export's progress and outcome, apart from the ledger's notices
    private final ActivityStatus data = new ActivityStatus();
    private final LocalAccountData local;
    private final Clock clock;
    private final ObjectProperty<AccountSection> section =
            new SimpleObjectProperty<>(this, "section", AccountSection.OVERVIEW);
    private TaskHandle ledgerLoad = TaskHandle.NONE;
    private TaskHandle export = TaskHandle.NONE;

    /** @param local what this computer keeps of an account, forgotten when it is deleted */
    public AccountViewModel(
            TaskExecutor tasks,
            Session session,
            SessionViewModel sessions,
            Messages messages,
            LocalAccountData local,
            Clock clock) {
        this.tasks = tasks;
        this.local = local;
        this.clock = clock;
        this.session = session;
        this.sessions = sessions;
        this.messages = messages;
        this.failures = new FailureMessages(messages);
        // Every charge and refund changes the balance: keep the history beside it current.
        session.creditsProperty().addListener((obs, was, now) -> {
            if (!ledger.rows().isEmpty()) {
                refresh();
            }
        });
        session.signedInProperty().addListener((obs, was, signedIn) -> {
            if (!signedIn) {
                ledgerLoad.cancel(); // the last account's rows must not come back
                export.cancel(); // and its data must not land in a file after someone else signed in
                ledger.clear();
                activity.clear();
                data.clear();
                section.set(AccountSection.OVERVIEW);
            }
        });
    }

    /** Reads the balance and the newest ledger rows (F5, and when the screen opens). */
    public void refresh() {
        if (!session.isSignedIn()) {
            return;
        }
        if (!session.isOnline()) {
            activity.say(Tone.INFO, messages.get("account.offline"));
            return;
        }
        sessions.refreshUser();
        load(null);
    }

    /** "Buy credits", "See plans": the account screen opens on "Plans & credits". */
    public void showPlans() {
        section.set(AccountSection.PLANS);
    }

    public void loadMore() {
        if (ledger.next() != null) {
            load(ledger.next());
        }
    }

    private void load(String cursor) {
        if (activity.isBusy()) {
            return;
        }
        activity.working();
        var api = session.api();
        ledgerLoad = tasks.run(() -> api.ledger(cursor, PAGE_SIZE), page -> show(cursor, page), error -> {
            sessions.callFailed(error);
            activity.failed(messages.get("account.ledgerFailed", failures.describe(error)));
        });
    }

    private void show(String cursor, Page<LedgerEntryView> page) {
        ledger.show(page, cursor != null);
        activity.done(ledger.rows().isEmpty() ? messages.get("account.ledgerEmpty") : "");
    }

    public void signOut() {
        sessions.signOut();
    }

    /** What the file chooser proposes: {@code pixfino-data-2026-11-21.zip}. */
    public String exportFileName() {
        return "pixfino-data-" + LocalDate.now(clock) + ".zip";
    }

    /** Downloads the zip of everything the server keeps about the user to {@code target} (".zip" added if missing). */
    public void exportData(Path target) {
        if (!session.isSignedIn() || data.isBusy()) {
            return;
        }
        if (!session.isOnline()) {
            data.say(Tone.ERROR, messages.get("account.exportOffline"));
            return;
        }
        Path file = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")
                ? target
                : target.resolveSibling(target.getFileName() + ".zip");
        var api = session.api();
        data.working(messages.get("account.exportStarting"));
        export = tasks.submit(
                progress -> api.exportData(
                        file,
                        bytes -> progress.update(
                                Progress.UNKNOWN, messages.get("account.exporting", FileSize.readable(bytes)))),
                size -> data.done(messages.get("account.exported", file.toString(), FileSize.readable(size))),
                error -> {
                    sessions.callFailed(error);
                    data.failed(messages.get("account.exportFailed", failures.describe(error)));
                },
                progress -> data.working(progress.message()));
    }

    /** A fresh confirmation for "Delete account…": one per dialog. */
    public DeleteAccountViewModel deletion() {
        return new DeleteAccountViewModel(tasks, session, sessions, messages, local);
    }

    public StringBinding balanceText() {
        return Bindings.createStringBinding(
                () -> Integer.toString(session.creditsProperty().get()), session.creditsProperty());
    }

    public StringBinding tierText() {
        return userText(user -> messages.get("tier." + user.tier().name().toLowerCase(Locale.ROOT)));
    }

    /** What the tier gives: monthly credits, and whether PRO presets are open. */
    public StringBinding tierDetail() {
        return userText(user -> {
            Tier tier = user.tier();
            return messages.get(tier.isPaid() ? "account.tierPaid" : "account.tierFree", tier.defaultMonthlyCredits());
        });
    }

    public StringBinding nameText() {
        return userText(UserView::name);
    }

    public StringBinding emailText() {
        return userText(UserView::email);
    }

    /** {@code text} of the signed-in user, empty while nobody is signed in. */
    private StringBinding userText(Function<UserView, String> text) {
        return Bindings.createStringBinding(
                () -> {
                    UserView user = session.userProperty().get();
                    return user == null ? "" : text.apply(user);
                },
                session.userProperty());
    }

    /** "+5", "−4": the sign matters more than the number in a ledger. */
    public String amountText(LedgerEntryView entry) {
        return entry.amount() > 0 ? "+" + entry.amount() : "\u2212" + Math.abs(entry.amount());
    }

    public String kindText(LedgerEntryView entry) {
        return messages.get("ledger.kind." + entry.kind().name().toLowerCase(Locale.ROOT));
    }

    public ObservableList<LedgerEntryView> ledger() {
        return ledger.rows();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return activity.messageProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return activity.busyProperty();
    }

    /** The "Your data" line: export progress and outcome. */
    public ReadOnlyStringProperty dataNoticeProperty() {
        return data.messageProperty();
    }

    public ReadOnlyObjectProperty<Tone> dataToneProperty() {
        return data.toneProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return data.busyProperty();
    }

    /** The tab showing; the tabs write it too. */
    public ObjectProperty<AccountSection> sectionProperty() {
        return section;
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return ledger.moreProperty();
    }
}
