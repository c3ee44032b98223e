package com.pixfino.server.config;

import com.pixfino.model.Tier;
import com.pixfino.server.generation.JobSettings;
import com.pixfino.server.providers.ResilienceSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Everything the server reads from its environment, validated once at start. */
public record ServerConfig(
        int port,
        Path dataDir,
        Optional<DatabaseSettings> database,
        Optional<AdminSettings> admin,
        Map<Tier, Integer> monthlyCredits,
        Duration tokenLifetime,
        long maxUploadBytes,
        long maxUploadPixels,
        JobSettings jobs,
        ResilienceSettings resilience) {

    /** An external PostgreSQL; absent means the embedded one under the data directory. */
    public record DatabaseSettings(String url, String user, String password) {
        @Override
        public String toString() {
            return "DatabaseSettings[url=" + url + ", user=" + user + ", password=***]";
        }
    }

    /** The first administrator, created or promoted at start. */
    public record AdminSettings(String email, String password) {
        @Override
        public String toString() {
            return "AdminSettings[email=" + email + ", password=***]";
        }
    }

    public int monthlyCredits(Tier tier) {
        return monthlyCredits.getOrDefault(tier, tier.defaultMonthlyCredits());
    }
}
