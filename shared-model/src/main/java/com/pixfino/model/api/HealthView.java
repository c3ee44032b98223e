package com.pixfino.model.api;

import java.util.List;

/**
 * {@code GET /health}: {@code status} is "ok" or "degraded", {@code database} "ok" or "down", and
 * {@code reasons} says what is degraded, one "part: state" entry each (e.g. "replicate: circuit open").
 * A degraded server whose database is "ok" still serves: only the presets of a paused provider wait.
 */
public record HealthView(String status, String database, String version, List<String> reasons) {}
