package com.pixfino.studio.core.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The settings file as written to disk; every field may be missing in an older file. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SettingsJson(String serverUrl, String theme, WindowBounds window) {}
