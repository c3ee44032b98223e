package com.pixfino.server.config;

import com.pixfino.model.Tier;
import com.pixfino.server.generation.JobSettings;
import com.pixfino.server.limits.RateLimitSettings;
import com.pixfino.server.providers.RemoteProviderSettings;
import com.pixfino.server.providers.ResilienceSettings;
import com.pixfino.server.storage.S3Settings;
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
        ResilienceSettings resilience,
        RemoteProviderSettings providers,
        Optional<S3Settings> s3,
        RateLimitSettings limits) {

    /** Without AI provider keys, on the filesystem, with the default rate limits. */
    public ServerConfig(int port, Path dataDir, Optional<DatabaseSettings> database, Optional<AdminSettings> admin,
                        Map<Tier, Integer> monthlyCredits, Duration tokenLifetime, long maxUploadBytes, long maxUploadPixels,
                        JobSettings jobs, ResilienceSettings resilience) {
        this(port, dataDir, database, admin, monthlyCredits, tokenLifetime, maxUploadBytes, maxUploadPixels, jobs, resilience,
                RemoteProviderSettings.none(), Optional.empty(), RateLimitSettings.defaults());
    }

    public ServerConfig withProviders(RemoteProviderSettings otherProviders) {
        return new ServerConfig(port, dataDir, database, admin, monthlyCredits, tokenLifetime, maxUploadBytes, maxUploadPixels, jobs,
                resilience, otherProviders, s3, limits);
    }

    public ServerConfig withS3(Optional<S3Settings> otherS3) {
        return new ServerConfig(port, dataDir, database, admin, monthlyCredits, tokenLifetime, maxUploadBytes, maxUploadPixels, jobs,
                resilience, providers, otherS3, limits);
    }

    public ServerConfig withJobs(JobSettings otherJobs, ResilienceSettings otherResilience) {
        return new ServerConfig(port, dataDir, database, admin, monthlyCredits, tokenLifetime, maxUploadBytes, maxUploadPixels, otherJobs,
                otherResilience, providers, s3, limits);
    }

    public ServerConfig withLimits(RateLimitSettings otherLimits) {
        return new ServerConfig(port, dataDir, database, admin, monthlyCredits, tokenLifetime, maxUploadBytes, maxUploadPixels, jobs,
                resilience, providers, s3, otherLimits);
    }

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
