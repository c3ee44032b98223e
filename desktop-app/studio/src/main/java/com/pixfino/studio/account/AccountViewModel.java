package com.pixfino.studio.account;

import com.pixfino.model.Tier;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.model.api.Page;
import com.pixfino.model.api.UserView;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.concurrent.TaskHandle;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.FailureMessages;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.session.SessionViewModel;
import com.pixfino.studio.ui.ActivityStatus;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The account screen: balance, tier, who is signed in, and the credit ledger. */
public final class AccountViewModel {

    private static final int PAGE_SIZE = 100;

    private final TaskExecutor tasks;
    private final Session session;
    private final SessionViewModel sessions;
    private final Messages messages;
    private final FailureMessages failures;
    private final ObservableList<LedgerEntryView> ledger = FXCollections.observableArrayList();
    private final ActivityStatus activity = new ActivityStatus();
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
    private String nextCursor;
    private TaskHandle ledgerLoad = TaskHandle.NONE;

    public AccountViewModel(TaskExecutor tasks, Session session, SessionViewModel sessions, Messages messages) {
        this.tasks = tasks;
        this.session = session;
        this.sessions = sessions;
        this.messages = messages;
        this.failures = new FailureMessages(messages);
        // Every charge and refund changes the balance: keep the history beside it current.
        session.creditsProperty().addListener((obs, was, now) -> {
            if (!ledger.isEmpty()) {
                refresh();
            }
        });
        session.signedInProperty().addListener((obs, was, signedIn) -> {
            if (!signedIn) {
                ledgerLoad.cancel(); // the last account's rows must not come back
                ledger.clear();
                nextCursor = null;
                hasMore.set(false);
                activity.clear();
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

    public void loadMore() {
        if (nextCursor != null) {
            load(nextCursor);
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
        if (cursor == null) {
            ledger.setAll(page.items());
        } else {
            ledger.addAll(page.items());
        }
        nextCursor = page.nextCursor();
        hasMore.set(nextCursor != null);
        activity.done(ledger.isEmpty() ? messages.get("account.ledgerEmpty") : "");
    }

    public void signOut() {
        sessions.signOut();
    }

    public StringBinding balanceText() {
        return Bindings.createStringBinding(
                () -> Integer.toString(session.creditsProperty().get()), session.creditsProperty());
    }

    public StringBinding tierText() {
        return Bindings.createStringBinding(
                () -> {
                    UserView user = session.userProperty().get();
                    return user == null
                            ? ""
                            : messages.get("tier." + user.tier().name().toLowerCase(Locale.ROOT));
                },
                session.userProperty());
    }

    /** What the tier gives: monthly credits, and whether PRO presets are open. */
    public StringBinding tierDetail() {
        return Bindings.createStringBinding(
                () -> {
                    UserView user = session.userProperty().get();
                    if (user == null) {
                        return "";
                    }
                    Tier tier = user.tier();
                    return messages.get(
                            tier.isPaid() ? "account.tierPaid" : "account.tierFree", tier.defaultMonthlyCredits());
                },
                session.userProperty());
    }

    public StringBinding nameText() {
        return Bindings.createStringBinding(
                () -> {
                    UserView user = session.userProperty().get();
                    return user == null ? "" : user.name();
                },
                session.userProperty());
    }

    public StringBinding emailText() {
        return Bindings.createStringBinding(
                () -> {
                    UserView user = session.userProperty().get();
                    return user == null ? "" : user.email();
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
        return ledger;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return activity.messageProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return activity.busyProperty();
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }
}
