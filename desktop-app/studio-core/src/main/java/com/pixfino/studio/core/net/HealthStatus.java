package com.pixfino.studio.core.net;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The companion server's answer to {@code GET /health}; its {@code reasons} list is not needed here. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HealthStatus(String status, String database, String version) {

    /**
     * The server can serve the studio. A server "degraded" only because an AI provider is paused (its
     * database "ok") still is: that holds back the presets the provider runs, and the server says so when
     * one of them is created.
     */
    public boolean isOk() {
        return "ok".equals(status) || ("degraded".equals(status) && "ok".equals(database));
    }
}
