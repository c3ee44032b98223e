package com.pixfino.studio.core.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The settings file as written to disk; every field may be missing in an older file. {@code batchOutput}: the output
 * folder of a batch still running when the studio last closed (offered for resume on the next start), or null. {@code originalsCapBytes}: the originals cache cap, null for the
 * default ({@link OriginalsCache#DEFAULT_CAP_BYTES}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SettingsJson(
        String serverUrl, String theme, WindowBounds window, String batchOutput, Long originalsCapBytes) {}
