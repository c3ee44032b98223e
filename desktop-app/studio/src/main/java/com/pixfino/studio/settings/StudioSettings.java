package com.pixfino.studio.settings;

import com.pixfino.studio.core.admin.DashboardTargets;
import com.pixfino.studio.core.settings.OriginalsCache;
import com.pixfino.studio.core.settings.SettingsJson;
import com.pixfino.studio.core.settings.WindowBounds;
import com.pixfino.studio.theme.ThemeMode;
import javafx.beans.InvalidationListener;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The remembered settings as observable properties; features bind to the part they own. */
public final class StudioSettings {

    public static final String DEFAULT_SERVER_URL = "http://127.0.0.1:7070";

    private final StringProperty serverUrl = new SimpleStringProperty(this, "serverUrl", DEFAULT_SERVER_URL);
    private final ObjectProperty<ThemeMode> theme = new SimpleObjectProperty<>(this, "theme", ThemeMode.LIGHT);
    // Null until the window has been placed once: the first start centres a default-sized window.
    private final ObjectProperty<WindowBounds> window = new SimpleObjectProperty<>(this, "window");
    // The output folder of the batch running now (or when the studio closed); null when none is.
    private final StringProperty batchOutput = new SimpleStringProperty(this, "batchOutput");

    /** The smallest originals cache cap the studio accepts: 0.5 GB. */
    public static final long MIN_ORIGINALS_CAP_BYTES = 512L * 1024 * 1024;

    // How much disk downloaded full-size results may take (thumbnails not counted); applied to the open library.
    private final LongProperty originalsCap =
            new SimpleLongProperty(this, "originalsCap", OriginalsCache.DEFAULT_CAP_BYTES);

    // The admin dashboard's dashed target lines; edited in the settings file (see DashboardTargets).
    private final ObjectProperty<DashboardTargets> dashboardTargets =
            new SimpleObjectProperty<>(this, "dashboardTargets", DashboardTargets.DEFAULTS);

    public static StudioSettings fromJson(SettingsJson json) {
        StudioSettings settings = new StudioSettings();
        if (json.serverUrl() != null && !json.serverUrl().isBlank()) {
            settings.serverUrl.set(json.serverUrl());
        }
        settings.theme.set(parseTheme(json.theme()));
        if (json.window() != null && json.window().isUsable()) {
            settings.window.set(json.window());
        }
        if (json.batchOutput() != null && !json.batchOutput().isBlank()) {
            settings.batchOutput.set(json.batchOutput());
        }
        if (json.originalsCapBytes() != null) {
            settings.originalsCap.set(Math.max(MIN_ORIGINALS_CAP_BYTES, json.originalsCapBytes()));
        }
        if (json.dashboardTargets() != null) {
            settings.dashboardTargets.set(json.dashboardTargets());
        }
        return settings;
    }

    public SettingsJson toJson() {
        return new SettingsJson(
                serverUrl.get(),
                theme.get().name(),
                window.get(),
                batchOutput.get(),
                originalsCap.get(),
                dashboardTargets.get());
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public ObjectProperty<ThemeMode> themeProperty() {
        return theme;
    }

    public ObjectProperty<WindowBounds> windowProperty() {
        return window;
    }

    /** The output folder of a batch that is running, or was when the studio closed: the next start offers to resume it. */
    public StringProperty batchOutputProperty() {
        return batchOutput;
    }

    /** The originals cache cap in bytes, at least {@link #MIN_ORIGINALS_CAP_BYTES}; kept across restarts. */
    public LongProperty originalsCapProperty() {
        return originalsCap;
    }

    /** The admin dashboard's target lines (per day: new accounts, generations, credits spent); kept across restarts. */
    public ObjectProperty<DashboardTargets> dashboardTargetsProperty() {
        return dashboardTargets;
    }

    void addListener(InvalidationListener listener) {
        dashboardTargets.addListener(listener);
        originalsCap.addListener(listener);
        batchOutput.addListener(listener);
        serverUrl.addListener(listener);
        theme.addListener(listener);
        window.addListener(listener);
    }

    private static ThemeMode parseTheme(String name) {
        return ThemeMode.DARK.name().equals(name) ? ThemeMode.DARK : ThemeMode.LIGHT;
    }
}
