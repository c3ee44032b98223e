package com.pixfino.studio.admin.growth;

import com.pixfino.studio.core.admin.GrowthApi;
import com.pixfino.studio.core.admin.NewPromoCode;
import com.pixfino.studio.core.admin.PromoCode;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.FailureMessages;
import com.pixfino.studio.session.ServerCalls;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.session.SessionViewModel;
import com.pixfino.studio.ui.ActivityStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The growth screen's promo codes: the list with live redemption counts (newest first), the "New promo code" form,
 * and Expire, which is only asked for ({@link #pendingExpireProperty()}) until it is confirmed. UI thread only.
 */
public final class PromoCodesViewModel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT);

    private final TaskExecutor tasks;
    private final Session session;
    private final SessionViewModel sessions;
    private final Messages messages;
    private final FailureMessages failures;
    private final Function<CompanionApi, GrowthApi> apis;
    private final ZoneId zone;
    private final ActivityStatus status = new ActivityStatus();
    private final ServerCalls calls;
    private final ObservableList<PromoCode> codes = FXCollections.observableArrayList();
    private final PromoCodeForm form;
    private final ReadOnlyBooleanWrapper creating = new ReadOnlyBooleanWrapper(this, "creating");
    // said in the form itself too: on a long list the screen's status line is scrolled out of sight
    private final ReadOnlyStringWrapper created = new ReadOnlyStringWrapper(this, "created", "");
    private final ReadOnlyObjectWrapper<PromoCode> pendingExpire = new ReadOnlyObjectWrapper<>(this, "pendingExpire");

    public PromoCodesViewModel(
            TaskExecutor tasks,
            Session session,
            SessionViewModel sessions,
            Messages messages,
            Function<CompanionApi, GrowthApi> apis,
            Clock clock,
            ZoneId zone) {
        this.tasks = tasks;
        this.session = session;
        this.sessions = sessions;
        this.messages = messages;
        this.failures = new FailureMessages(messages);
        this.apis = apis;
        this.zone = zone;
        this.calls = new ServerCalls(tasks, sessions, messages, status);
        this.form = new PromoCodeForm(messages, clock, zone);
        form.codeProperty().addListener((obs, was, now) -> {
            if (!now.isEmpty()) {
                created.set(""); // the next code is being typed
            }
        });
        session.signedInProperty().addListener((obs, was, signedIn) -> {
            if (!signedIn) {
                codes.clear();
                pendingExpire.set(null);
                form.reset();
                created.set("");
                status.clear();
            }
        });
    }

    /** Reads the list again (the screen showing, F5). */
    public void refresh() {
        if (!calls.mayRead(session, "admin.growth.offline")) {
            return;
        }
        GrowthApi api = apis.apply(session.api());
        status.working();
        calls.run(
                api::promoCodes,
                list -> {
                    codes.setAll(list);
                    status.done(list.isEmpty() ? messages.get("admin.growth.codes.none") : "");
                },
                "admin.growth.codes.loadFailed");
    }

    /** Create: checks the form, then asks the server; the new code goes on top of the list. */
    public void create() {
        if (creating.get() || !session.isSignedIn()) {
            return;
        }
        Optional<NewPromoCode> request = form.request();
        if (request.isEmpty()) {
            return;
        }
        if (!session.isOnline()) {
            status.failed(messages.get("admin.growth.offline"));
            return;
        }
        GrowthApi api = apis.apply(session.api());
        creating.set(true);
        tasks.run(
                () -> api.create(request.get()),
                answer -> {
                    creating.set(false);
                    sessions.callSucceeded();
                    codes.add(0, answer);
                    form.reset();
                    String said = messages.get(
                            "admin.growth.created", answer.code(), answer.credits(), answer.maxRedemptions());
                    status.done(said);
                    created.set(said);
                },
                error -> {
                    creating.set(false);
                    sessions.callFailed(error);
                    form.refused(error, failures.describe(error));
                });
    }

    /** Expire on a code: asks first. */
    public void askExpire(PromoCode code) {
        if (code != null && code.status().isLive()) {
            pendingExpire.set(code);
        }
    }

    public void cancelExpire() {
        pendingExpire.set(null);
    }

    /** "Expire now": the code stops working at once; its row shows the new status. */
    public void confirmExpire() {
        PromoCode code = pendingExpire.get();
        if (code == null || status.isBusy()) {
            return;
        }
        pendingExpire.set(null);
        GrowthApi api = apis.apply(session.api());
        status.working(messages.get("admin.growth.expiring", code.code()));
        calls.run(
                () -> api.expire(code.code()),
                expired -> {
                    replace(expired);
                    status.done(messages.get("admin.growth.expired", expired.code()));
                },
                "admin.growth.expireFailed",
                code.code());
    }

    private void replace(PromoCode changed) {
        for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i).code().equalsIgnoreCase(changed.code())) {
                codes.set(i, changed);
                return;
            }
        }
        codes.add(0, changed);
    }

    // ---- the table's words

    public String statusText(PromoCode code) {
        return messages.get("admin.growth.status." + code.status().name().toLowerCase(Locale.ROOT));
    }

    /** "3 / 100". */
    public String redemptionsText(PromoCode code) {
        return messages.get("admin.growth.redemptions", code.redemptions(), code.maxRedemptions());
    }

    /** "11/28/26, 10:00 AM → 11/30/26, 10:00 AM" (the locale's short form), in the admin's zone. */
    public String windowText(PromoCode code) {
        return messages.get("admin.growth.window", when(code.validFrom()), when(code.validTo()));
    }

    public String createdText(PromoCode code) {
        return when(code.createdAt());
    }

    private String when(Instant at) {
        return at == null ? "\u2013" : WHEN.format(at.atZone(zone));
    }

    /** "Expire LAUNCH50 now? …", empty while nothing is asked. */
    public StringBinding expireQuestion() {
        return Bindings.createStringBinding(
                () -> pendingExpire.get() == null
                        ? ""
                        : messages.get(
                                "admin.growth.expireQuestion",
                                pendingExpire.get().code(),
                                pendingExpire.get().redemptions()),
                pendingExpire);
    }

    public ObservableList<PromoCode> codes() {
        return codes;
    }

    PromoCodeForm form() {
        return form;
    }

    /** "Created LAUNCH50: …" below the form, until the next code is typed. */
    public ReadOnlyStringProperty createdProperty() {
        return created.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty creatingProperty() {
        return creating.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PromoCode> pendingExpireProperty() {
        return pendingExpire.getReadOnlyProperty();
    }

    public ActivityStatus status() {
        return status;
    }
}
