package com.pixfino.studio.admin.dashboard;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.Tier;
import com.pixfino.model.api.admin.AdminDailyStats;
import com.pixfino.model.api.admin.AdminStats;
import com.pixfino.studio.core.admin.AdminAccess;
import com.pixfino.studio.core.admin.AdminApi;
import com.pixfino.studio.core.admin.DashboardTargets;
import com.pixfino.studio.core.admin.PlatformFigures;
import com.pixfino.studio.core.admin.ReferralFigures;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.session.ServerCalls;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.session.SessionViewModel;
import com.pixfino.studio.ui.ActivityStatus;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The admin dashboard: the server's figures ({@code /admin/stats} and the last {@value #DAYS} days of
 * {@code /admin/stats/daily}) turned into the KPI cards' words and the charts' data. Nothing is counted here: every
 * figure is the server's. The dashed target lines come from the settings. UI thread only.
 */
public final class DashboardViewModel {

    /** The daily charts' span. */
    public static final int DAYS = 30;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT);

    private final Session session;
    private final AdminAccess admin;
    private final Messages messages;
    private final Clock clock;
    private final ObservableValue<DashboardTargets> targets;
    private final ActivityStatus status = new ActivityStatus();
    private final ServerCalls calls;

    private final ReadOnlyObjectWrapper<AdminStats> stats = new ReadOnlyObjectWrapper<>(this, "stats");
    private final ReadOnlyObjectWrapper<ReferralFigures> referrals = new ReadOnlyObjectWrapper<>(this, "referrals");
    private final ReadOnlyObjectWrapper<AdminDailyStats> daily = new ReadOnlyObjectWrapper<>(this, "daily");
    private final ReadOnlyStringWrapper updated = new ReadOnlyStringWrapper(this, "updated", "");
    private final ReadOnlyObjectWrapper<Charts> charts = new ReadOnlyObjectWrapper<>(this, "charts", Charts.EMPTY);

    /** {@code targets}: the settings entry of the target lines; a change redraws them at once. */
    public DashboardViewModel(
            TaskExecutor tasks,
            Session session,
            SessionViewModel sessions,
            AdminAccess admin,
            Messages messages,
            ObservableValue<DashboardTargets> targets,
            Clock clock) {
        this.session = session;
        this.admin = admin;
        this.messages = messages;
        this.targets = targets;
        this.clock = clock;
        this.calls = new ServerCalls(tasks, sessions, messages, status);
        targets.addListener((obs, was, now) -> charts.set(charts()));
        session.signedInProperty().addListener((obs, was, signedIn) -> {
            if (!signedIn) {
                stats.set(null);
                referrals.set(null);
                daily.set(null);
                updated.set("");
                charts.set(Charts.EMPTY);
                status.clear();
            }
        });
    }

    /** Reads the figures again (F5, the Refresh button, and each time the screen shows). */
    public void refresh() {
        if (!session.isSignedIn() || status.isBusy()) {
            return;
        }
        if (!session.isOnline()) {
            status.say(
                    Tone.INFO,
                    stats.get() == null
                            ? messages.get("admin.dashboard.offline")
                            : messages.get("admin.dashboard.offlineKept", updated.get()));
            return;
        }
        AdminApi api = admin.of(session.api());
        status.working(messages.get("admin.dashboard.loading"));
        calls.run(
                () -> new Figures(api.figures(), api.daily(DAYS)),
                figures -> {
                    stats.set(figures.now().stats());
                    referrals.set(figures.now().referrals().orElse(null));
                    daily.set(figures.daily());
                    updated.set(TIME.format(LocalTime.now(clock)));
                    charts.set(charts());
                    status.done("");
                },
                "admin.dashboard.loadFailed");
    }

    private record Figures(PlatformFigures now, AdminDailyStats daily) {}

    // ---- the referral card's words (issue 16); the card hides while the server has no such figures

    /** The referral program's figures, null from a server that predates them. */
    public ReadOnlyObjectProperty<ReferralFigures> referralsProperty() {
        return referrals.getReadOnlyProperty();
    }

    public String referralsJoined() {
        return referrals.get() == null ? "\u2013" : number(referrals.get().joined());
    }

    public String referralsRewarded() {
        return referrals.get() == null ? "\u2013" : number(referrals.get().rewarded());
    }

    public String referralsCredits() {
        return referrals.get() == null ? "\u2013" : number(referrals.get().creditsGranted());
    }

    // ---- the KPI cards' words

    public String registeredUsers() {
        return stats.get() == null ? "–" : number(stats.get().users().total());
    }

    public String registeredUsersDetail() {
        return stats.get() == null
                ? ""
                : messages.get(
                        "admin.dashboard.kpi.newThisWeek", stats.get().users().newThisWeek());
    }

    public String activeUsers() {
        return stats.get() == null ? "–" : number(stats.get().users().active7d());
    }

    public String activeUsersDetail() {
        if (stats.get() == null) {
            return "";
        }
        AdminStats.Users users = stats.get().users();
        return messages.get("admin.dashboard.kpi.ofTotal", users.total(), percent(users.active7d(), users.total()));
    }

    public String generations() {
        return stats.get() == null ? "–" : number(stats.get().generations().today());
    }

    public String generationsDetail() {
        return stats.get() == null
                ? ""
                : messages.get(
                        "admin.dashboard.kpi.generationsWeek",
                        stats.get().generations().thisWeek(),
                        stats.get().generations().total());
    }

    public String paidSubscriptions() {
        return stats.get() == null ? "–" : number(stats.get().subscriptions().active());
    }

    public String paidSubscriptionsDetail() {
        return stats.get() == null
                ? ""
                : messages.get(
                        "admin.dashboard.kpi.activePlans",
                        percent(
                                stats.get().subscriptions().active(),
                                stats.get().users().total()));
    }

    // ---- the charts' data

    private Charts charts() {
        AdminStats now = stats.get();
        if (now == null) {
            return Charts.EMPTY;
        }
        DashboardTargets target = targets.getValue() == null ? DashboardTargets.DEFAULTS : targets.getValue();
        List<AdminDailyStats.Day> days =
                daily.get() == null ? List.of() : daily.get().days();
        return new Charts(
                ChartData.bars(byTier(now.users().byTier())),
                ChartData.bars(byStatus(now.generations().byStatus())),
                ChartData.bars(credits(now.credits())),
                ChartData.bars(byTier(now.subscriptions().byTier())),
                daily(days, "admin.dashboard.series.creditsSpent", d -> d.creditsSpent(), target.creditsSpentPerDay()),
                new ChartData(List.of(
                        new ChartData.Series(
                                messages.get("admin.dashboard.series.estimated"),
                                points(days, d -> money(d.estimatedCostUsd())),
                                false),
                        new ChartData.Series(
                                messages.get("admin.dashboard.series.actual"),
                                points(days, d -> money(d.actualCostUsd())),
                                false))),
                daily(days, "admin.dashboard.series.newUsers", d -> d.newUsers(), target.newUsersPerDay()),
                daily(days, "admin.dashboard.series.generations", d -> d.generations(), target.generationsPerDay()));
    }

    private ChartData daily(
            List<AdminDailyStats.Day> days, String nameKey, ToDoubleFunction<AdminDailyStats.Day> value, int target) {
        return new ChartData(List.of(
                new ChartData.Series(messages.get(nameKey), points(days, value), false),
                new ChartData.Series(
                        messages.get("admin.dashboard.series.target", target), points(days, d -> target), true)));
    }

    private static List<ChartData.Point> points(
            List<AdminDailyStats.Day> days, ToDoubleFunction<AdminDailyStats.Day> value) {
        return days.stream()
                .map(d -> new ChartData.Point(day(d.date()), value.applyAsDouble(d)))
                .toList();
    }

    private List<ChartData.Point> byTier(Map<Tier, Long> counts) {
        List<ChartData.Point> points = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            points.add(new ChartData.Point(
                    messages.get("admin.tier." + tier.name()), counts == null ? 0 : counts.getOrDefault(tier, 0L)));
        }
        return points;
    }

    private List<ChartData.Point> byStatus(Map<GenerationStatus, Long> counts) {
        List<ChartData.Point> points = new ArrayList<>();
        for (GenerationStatus value : GenerationStatus.values()) {
            points.add(new ChartData.Point(
                    messages.get("admin.dashboard.status." + value.name()),
                    counts == null ? 0 : counts.getOrDefault(value, 0L)));
        }
        return points;
    }

    private List<ChartData.Point> credits(AdminStats.Credits credits) {
        return List.of(
                point("granted", credits.granted()),
                point("purchased", credits.purchased()),
                point("debited", credits.debited()),
                point("refunded", credits.refunded()),
                point("adjusted", credits.adjusted()),
                point("expired", credits.expired()),
                point("outstanding", credits.outstanding()));
    }

    private ChartData.Point point(String kind, long value) {
        return new ChartData.Point(messages.get("admin.dashboard.credits." + kind), value);
    }

    private static String day(String isoDate) {
        try {
            return DAY.format(LocalDate.parse(isoDate));
        } catch (RuntimeException e) {
            return isoDate;
        }
    }

    // Chart positions only: the figure itself stays the server's decimal string.
    private static double money(String usd) {
        try {
            return usd == null ? 0 : new BigDecimal(usd).doubleValue();
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "0" : Long.toString(Math.round(100.0 * part / whole));
    }

    /** Every chart's data at once, so a refresh redraws them together. */
    public record Charts(
            ChartData usersByTier,
            ChartData generationsByStatus,
            ChartData credits,
            ChartData subscriptionsByTier,
            ChartData creditsSpent,
            ChartData cost,
            ChartData newUsers,
            ChartData dailyGenerations) {

        static final Charts EMPTY = new Charts(
                ChartData.EMPTY,
                ChartData.EMPTY,
                ChartData.EMPTY,
                ChartData.EMPTY,
                ChartData.EMPTY,
                ChartData.EMPTY,
                ChartData.EMPTY,
                ChartData.EMPTY);
    }

    public ActivityStatus status() {
        return status;
    }

    /** The figures last read; null before the first answer. */
    public ReadOnlyObjectProperty<AdminStats> statsProperty() {
        return stats.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AdminDailyStats> dailyProperty() {
        return daily.getReadOnlyProperty();
    }

    /** When the figures were read (local time), "" before. */
    public ReadOnlyStringProperty updatedProperty() {
        return updated.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Charts> chartsProperty() {
        return charts.getReadOnlyProperty();
    }
}
