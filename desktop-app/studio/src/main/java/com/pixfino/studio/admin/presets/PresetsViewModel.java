package com.pixfino.studio.admin.presets;

import com.pixfino.model.api.admin.AdminPresetView;
import com.pixfino.studio.core.admin.AdminPresetsApi;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.session.ServerCalls;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.session.SessionViewModel;
import com.pixfino.studio.ui.ActivityStatus;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The admin's Presets screen: every preset with its margin, searched and filtered by status, opened in the
 * {@link PresetEditorViewModel editor}, and deactivated or activated again once the admin confirms. UI thread only.
 */
public final class PresetsViewModel {

    /** Which presets the table shows. */
    public enum StatusFilter {
        ALL,
        ACTIVE,
        INACTIVE
    }

    private final Session session;
    private final Messages messages;
    private final Function<CompanionApi, AdminPresetsApi> apis;
    private final ActivityStatus status = new ActivityStatus();
    private final ServerCalls calls;
    private final ObservableList<AdminPresetView> presets = FXCollections.observableArrayList();
    private final FilteredList<AdminPresetView> shown = new FilteredList<>(presets);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<StatusFilter> filter = new SimpleObjectProperty<>(this, "filter", StatusFilter.ALL);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyObjectWrapper<AdminPresetView> pendingToggle =
            new ReadOnlyObjectWrapper<>(this, "pendingToggle");
    private final ReadOnlyObjectWrapper<BigDecimal> creditValue =
            new ReadOnlyObjectWrapper<>(this, "creditValue", PresetMargin.DEFAULT_CREDIT_VALUE);
    private final PresetEditorViewModel editor;

    public PresetsViewModel(
            TaskExecutor tasks,
            Session session,
            SessionViewModel sessions,
            Messages messages,
            Function<CompanionApi, AdminPresetsApi> apis) {
        this.session = session;
        this.messages = messages;
        this.apis = apis;
        this.calls = new ServerCalls(tasks, sessions, messages, status);
        this.editor = new PresetEditorViewModel(tasks, session, sessions, messages, apis, this::saved);
        editor.creditValueProperty().bind(creditValue);
        search.addListener(obs -> applyFilter());
        filter.addListener(obs -> applyFilter());
        session.signedInProperty().addListener((obs, was, signedIn) -> {
            if (!signedIn) {
                presets.clear();
                pendingToggle.set(null);
                editor.cancel();
                status.clear();
                summarize();
            }
        });
    }

    /** Reads every preset (F5, and when the screen shows). */
    public void refresh() {
        if (!calls.mayRead(session, "admin.presets.offline")) {
            return;
        }
        AdminPresetsApi api = apis.apply(session.api());
        status.working(presets.isEmpty() ? messages.get("admin.presets.loading") : "");
        calls.run(
                api::list,
                list -> {
                    show(list);
                    status.done("");
                },
                "admin.presets.loadFailed");
    }

    public void openNew() {
        pendingToggle.set(null);
        editor.openNew();
    }

    public void edit(AdminPresetView preset) {
        if (preset != null) {
            pendingToggle.set(null);
            editor.openEdit(preset);
        }
    }

    /** Asks to deactivate (or activate) {@code preset}: nothing is sent until {@link #confirmToggle()}. */
    public void askToggle(AdminPresetView preset) {
        pendingToggle.set(preset);
    }

    public void cancelToggle() {
        pendingToggle.set(null);
    }

    /** Deactivates an active preset (it leaves the users' browser) or activates an inactive one. */
    public void confirmToggle() {
        AdminPresetView preset = pendingToggle.get();
        if (preset == null || status.isBusy()) {
            return;
        }
        pendingToggle.set(null);
        boolean activate = !preset.active();
        AdminPresetsApi api = apis.apply(session.api());
        status.working(
                messages.get(activate ? "admin.presets.activating" : "admin.presets.deactivating", preset.name()));
        calls.run(
                () -> api.setActive(preset.id(), activate),
                changed -> {
                    replace(changed);
                    status.done(messages.get(
                            changed.active() ? "admin.presets.activated" : "admin.presets.deactivated",
                            changed.name()));
                },
                "admin.presets.toggleFailed",
                preset.name());
    }

    /** The question the confirm bar asks, or "" while nothing is asked. */
    public String toggleQuestion(AdminPresetView preset) {
        if (preset == null) {
            return "";
        }
        return messages.get(
                preset.active() ? "admin.presets.deactivateConfirm" : "admin.presets.activateConfirm", preset.name());
    }

    private void saved(AdminPresetView preset) {
        boolean isNew = presets.stream().noneMatch(p -> p.id() == preset.id());
        replace(preset);
        status.say(
                Tone.SUCCESS,
                messages.get(isNew ? "admin.presets.created" : "admin.presets.saved", preset.name(), margin(preset)));
    }

    private void replace(AdminPresetView preset) {
        List<AdminPresetView> next = new ArrayList<>(presets);
        boolean found = false;
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).id() == preset.id()) {
                next.set(i, preset);
                found = true;
            }
        }
        if (!found) {
            next.add(preset);
        }
        show(next);
    }

    private void show(List<AdminPresetView> list) {
        presets.setAll(list == null ? List.of() : list);
        PresetMargin.creditValue(presets).ifPresent(creditValue::set);
        SortedMap<String, SortedSet<String>> known = new TreeMap<>();
        for (AdminPresetView preset : presets) {
            known.computeIfAbsent(preset.provider(), p -> new TreeSet<>()).add(preset.model());
        }
        editor.knownModels(known);
        summarize();
    }

    private void applyFilter() {
        String words = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        StatusFilter which = filter.get() == null ? StatusFilter.ALL : filter.get();
        shown.setPredicate(preset -> (which == StatusFilter.ALL || (which == StatusFilter.ACTIVE) == preset.active())
                && (words.isEmpty() || matches(preset, words)));
        summarize();
    }

    private static boolean matches(AdminPresetView preset, String words) {
        String haystack = String.join(
                        " ", preset.name(), preset.slug(), preset.category().label(), preset.provider(), preset.model())
                .toLowerCase(Locale.ROOT);
        for (String word : words.split("\\s+")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private void summarize() {
        long active = presets.stream().filter(AdminPresetView::active).count();
        summary.set(
                presets.isEmpty()
                        ? ""
                        : messages.get(
                                "admin.presets.summary",
                                shown.size(),
                                presets.size(),
                                active,
                                money(creditValue.get())));
    }

    /** "$0.04"; at least two decimals, at most four; a minus sign before the dollar. */
    public static String money(BigDecimal usd) {
        if (usd == null) {
            return "";
        }
        BigDecimal value = usd.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        if (value.scale() < 2) {
            value = value.setScale(2);
        }
        return (value.signum() < 0 ? "\u2212$" : "$") + value.abs().toPlainString();
    }

    public static String money(String usd) {
        try {
            return usd == null ? "" : money(new BigDecimal(usd));
        } catch (NumberFormatException e) {
            return usd;
        }
    }

    /** A percentage as the server writes it ("-12.5"), with a real minus sign. */
    public static String percent(String pct) {
        return pct == null ? "" : pct.strip().replaceFirst("^-", "\u2212");
    }

    /** "$0.86 (79.6 %)" as the server computed it. */
    public String margin(AdminPresetView preset) {
        return messages.get("admin.presets.margin", money(preset.marginUsd()), percent(preset.marginPct()));
    }

    public static boolean negativeMargin(AdminPresetView preset) {
        return preset.marginUsd() != null && preset.marginUsd().strip().startsWith("-");
    }

    public String duration(AdminPresetView preset) {
        return preset.durationSeconds() == null ? "" : messages.get("admin.presets.seconds", preset.durationSeconds());
    }

    public String flags(AdminPresetView preset) {
        List<String> flags = new ArrayList<>();
        if (preset.featured()) {
            flags.add(messages.get("admin.presets.flag.featured"));
        }
        if (preset.pro()) {
            flags.add(messages.get("admin.presets.flag.pro"));
        }
        return String.join(" ", flags);
    }

    public String status(AdminPresetView preset) {
        return messages.get(preset.active() ? "admin.presets.active" : "admin.presets.inactive");
    }

    public ObservableList<AdminPresetView> presets() {
        return presets;
    }

    /** The presets the search and the status filter let through, in the server's order. */
    public ObservableList<AdminPresetView> shownPresets() {
        return shown;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<StatusFilter> filterProperty() {
        return filter;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AdminPresetView> pendingToggleProperty() {
        return pendingToggle.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BigDecimal> creditValueProperty() {
        return creditValue.getReadOnlyProperty();
    }

    public PresetEditorViewModel editor() {
        return editor;
    }

    public ActivityStatus status() {
        return status;
    }
}
