package com.pixfino.studio.admin.growth;

import com.pixfino.studio.core.admin.GrowthApi;
import com.pixfino.studio.core.admin.GrowthSettings;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.session.ServerCalls;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.session.SessionViewModel;
import com.pixfino.studio.ui.ActivityStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The growth settings: referrals on or off, the credits each side earns (1–1,000), the referees a referrer is rewarded
 * for per month (0–10,000), and the launch promo window that doubles the Free sign-up grant. Checked as the admin
 * types; Save sends all five and shows what the server stored. UI thread only.
 */
public final class GrowthSettingsViewModel {

    private final Session session;
    private final Messages messages;
    private final Function<CompanionApi, GrowthApi> apis;
    private final Clock clock;
    private final ActivityStatus status = new ActivityStatus();
    private final ServerCalls calls;

    private final BooleanProperty referralsEnabled = new SimpleBooleanProperty(this, "referralsEnabled");
    private final StringProperty credits = new SimpleStringProperty(this, "credits", "");
    private final StringProperty cap = new SimpleStringProperty(this, "cap", "");
    private final BooleanProperty promo = new SimpleBooleanProperty(this, "promo");
    private final MomentInput promoFrom;
    private final MomentInput promoTo;
    private final ReadOnlyStringWrapper creditsError = new ReadOnlyStringWrapper(this, "creditsError", "");
    private final ReadOnlyStringWrapper capError = new ReadOnlyStringWrapper(this, "capError", "");
    private final ReadOnlyStringWrapper windowError = new ReadOnlyStringWrapper(this, "windowError", "");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(this, "canSave");
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(this, "changed");
    private GrowthSettings stored;

    public GrowthSettingsViewModel(
            TaskExecutor tasks,
            Session session,
            SessionViewModel sessions,
            Messages messages,
            Function<CompanionApi, GrowthApi> apis,
            Clock clock,
            ZoneId zone) {
        this.session = session;
        this.messages = messages;
        this.calls = new ServerCalls(tasks, sessions, messages, status);
        this.apis = apis;
        this.clock = clock;
        promoFrom = new MomentInput(zone);
        promoTo = new MomentInput(zone);
        List<Observable> fields =
                new ArrayList<>(List.of(referralsEnabled, credits, cap, promo, status.busyProperty()));
        fields.addAll(List.of(promoFrom.dependencies()));
        fields.addAll(List.of(promoTo.dependencies()));
        fields.forEach(field -> field.addListener(observable -> check()));
        // switching the promo on proposes a window: from now for the 48 hours the launch plan names
        promo.addListener((obs, was, on) -> {
            if (on && promoFrom.isBlank() && promoTo.isBlank()) {
                Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
                promoFrom.set(now);
                promoTo.set(now.plus(PromoCodeForm.DEFAULT_WINDOW));
            }
        });
        session.signedInProperty().addListener((obs, was, signedIn) -> {
            if (!signedIn) {
                stored = null;
                loaded.set(false);
                show(new GrowthSettings(false, 0, 0, null, null));
                credits.set("");
                cap.set("");
                status.clear();
            }
        });
    }

    /** Reads the stored settings (the screen showing, F5); what was typed and not saved is replaced. */
    public void refresh() {
        if (!calls.mayRead(session, "admin.growth.offline")) {
            return;
        }
        GrowthApi api = apis.apply(session.api());
        status.working();
        call(api::settings, read -> status.done(""), "admin.growth.settings.loadFailed");
    }

    /** Save: all five settings, as the form holds them. */
    public void save() {
        Optional<GrowthSettings> wanted = settings();
        if (wanted.isEmpty() || !canSave.get()) {
            return;
        }
        GrowthApi api = apis.apply(session.api());
        status.working(messages.get("admin.growth.settings.saving"));
        call(
                () -> api.save(wanted.get()),
                saved -> status.done(messages.get(
                        saved.referralsEnabled() ? "admin.growth.settings.savedOn" : "admin.growth.settings.savedOff",
                        saved.referralCredits(),
                        saved.referralMonthlyCap())),
                "admin.growth.settings.saveFailed");
    }

    /** Back to the stored settings. */
    public void revert() {
        if (stored != null) {
            show(stored);
            status.clear();
        }
    }

    /** Runs {@code work}, which answers the stored settings: they are shown, then {@code then} runs. */
    private void call(
            java.util.concurrent.Callable<GrowthSettings> work,
            java.util.function.Consumer<GrowthSettings> then,
            String failedKey) {
        calls.run(
                work,
                answer -> {
                    stored = answer;
                    loaded.set(true);
                    show(answer);
                    then.accept(answer);
                },
                failedKey);
    }

    private void show(GrowthSettings settings) {
        referralsEnabled.set(settings.referralsEnabled());
        credits.set(Integer.toString(settings.referralCredits()));
        cap.set(Integer.toString(settings.referralMonthlyCap()));
        promoFrom.set(settings.launchPromoFrom());
        promoTo.set(settings.launchPromoTo());
        promo.set(settings.launchPromoFrom() != null);
        check();
    }

    /** The settings the form holds, when every field is valid. */
    private Optional<GrowthSettings> settings() {
        OptionalInt reward = Numbers.within(credits.get(), 1, 1000);
        OptionalInt monthly = Numbers.within(cap.get(), 0, 10_000);
        if (reward.isEmpty() || monthly.isEmpty() || !windowError.get().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new GrowthSettings(
                referralsEnabled.get(),
                reward.getAsInt(),
                monthly.getAsInt(),
                promo.get() ? promoFrom.value().orElseThrow() : null,
                promo.get() ? promoTo.value().orElseThrow() : null));
    }

    private void check() {
        creditsError.set(
                Numbers.within(credits.get(), 1, 1000).isPresent() || !loaded.get()
                        ? ""
                        : messages.get("admin.growth.number", 1, 1000));
        capError.set(
                Numbers.within(cap.get(), 0, 10_000).isPresent() || !loaded.get()
                        ? ""
                        : messages.get("admin.growth.number", 0, 10_000));
        windowError.set(promo.get() ? PromoCodeForm.windowError(promoFrom, promoTo, true, messages) : "");
        Optional<GrowthSettings> wanted = settings();
        changed.set(loaded.get() && (wanted.isEmpty() || !Objects.equals(wanted.get(), stored)));
        canSave.set(changed.get() && !status.isBusy() && wanted.isPresent());
    }

    public BooleanProperty referralsEnabledProperty() {
        return referralsEnabled;
    }

    public StringProperty creditsProperty() {
        return credits;
    }

    public StringProperty capProperty() {
        return cap;
    }

    /** Whether a launch promo window is set. */
    public BooleanProperty promoProperty() {
        return promo;
    }

    MomentInput promoFrom() {
        return promoFrom;
    }

    MomentInput promoTo() {
        return promoTo;
    }

    public ReadOnlyStringProperty creditsErrorProperty() {
        return creditsError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty capErrorProperty() {
        return capError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty windowErrorProperty() {
        return windowError.getReadOnlyProperty();
    }

    /** Whether the stored settings were read: the form is only editable then. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** The form differs from the stored settings (a wrong value included): Revert has something to undo. */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    /** Valid, changed, and nothing in flight. */
    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }

    public ActivityStatus status() {
        return status;
    }
}
