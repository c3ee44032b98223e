package com.pixfino.model.api;

/** {@code GET /health}: {@code status} is "ok" or "degraded", {@code database} "ok" or "down". */
public record HealthView(String status, String database, String version) {
}
