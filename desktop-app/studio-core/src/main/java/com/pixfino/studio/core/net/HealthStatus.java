package com.pixfino.studio.core.net;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The companion server's answer to {@code GET /health}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HealthStatus(String status, String database, String version) {

    public boolean isOk() {
        return "ok".equals(status);
    }
}
