package com.pixfino.studio.core.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.pixfino.studio.core.admin.DashboardTargets;

/**
 * The settings file as written to disk; every field may be missing in an older file. {@code batchOutput}: the output
 * folder of a batch still running when the studio last closed (offered for resume on the next start), or null. {@code originalsCapBytes}: the originals cache cap, null for the
 * default ({@link OriginalsCache#DEFAULT_CAP_BYTES}). {@code dashboardTargets}: the admin dashboard's target lines, null for
 * the defaults.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SettingsJson(
        String serverUrl,
        String theme,
        WindowBounds window,
        String batchOutput,
        Long originalsCapBytes,
        DashboardTargets dashboardTargets) {

    /** Without dashboard targets (the defaults). */
    public SettingsJson(
            String serverUrl, String theme, WindowBounds window, String batchOutput, Long originalsCapBytes) {
        this(serverUrl, theme, window, batchOutput, originalsCapBytes, null);
    }
}
