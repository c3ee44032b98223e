package com.pixfino.server.config;

import com.pixfino.model.Tier;
import com.pixfino.server.billing.BillingSettings;
import com.pixfino.server.generation.JobSettings;
import com.pixfino.server.limits.RateLimitSettings;
import com.pixfino.server.mail.MailSettings;
import com.pixfino.server.providers.RemoteProviderSettings;
import com.pixfino.server.providers.ResilienceSettings;
import com.pixfino.server.storage.S3Settings;
import com.pixfino.server.webhooks.WebhookSettings;
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
        RateLimitSettings limits,
        boolean swaggerUi,
        BillingSettings billing,
        int dbPoolSize,
        WebhookSettings webhooks,
        Duration tombstoneWindow,
        CreditValues creditValues,
        boolean presetPreviews,
        MailSettings mail,
        Duration stopTimeout,
        java.util.Set<String> trustedProxies) {

    /**
     * What a credit is worth in USD for the admin figures: {@code costPerCreditUsd} is the blended provider cost
     * estimate of one credit spent ({@code PIXFINO_COST_PER_CREDIT_USD}), {@code creditValueUsd} what a user pays for
     * one ({@code PIXFINO_CREDIT_VALUE_USD}, preset margins). Both default to the seed's 0.27.
     */
    public record CreditValues(java.math.BigDecimal costPerCreditUsd, java.math.BigDecimal creditValueUsd) {
        public static CreditValues defaults() {
            return new CreditValues(new java.math.BigDecimal("0.27"), new java.math.BigDecimal("0.27"));
        }
    }

    /** How long tombstones of deleted generations and collections stay in the change feed, unless set. */
    public static final Duration DEFAULT_TOMBSTONE_WINDOW = Duration.ofDays(90);

    /** Connections the server keeps to PostgreSQL unless {@code PIXFINO_DB_POOL_SIZE} says otherwise. */
    public static final int DEFAULT_DB_POOL_SIZE = 24;

    /** How long a stopping server waits for in-flight requests, and then for running job steps, unless set. */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(20);

    /** The same settings over another data directory (uploads, results, the embedded database). */
    public ServerConfig withDataDir(Path otherDataDir) {
        return edit(copy -> copy.dataDir = otherDataDir);
    }

    public ServerConfig withProviders(RemoteProviderSettings otherProviders) {
        return edit(copy -> copy.providers = otherProviders);
    }

    public ServerConfig withS3(Optional<S3Settings> otherS3) {
        return edit(copy -> copy.s3 = otherS3);
    }

    public ServerConfig withJobs(JobSettings otherJobs, ResilienceSettings otherResilience) {
        return edit(copy -> {
            copy.jobs = otherJobs;
            copy.resilience = otherResilience;
        });
    }

    public ServerConfig withLimits(RateLimitSettings otherLimits) {
        return edit(copy -> copy.limits = otherLimits);
    }

    public ServerConfig withSwaggerUi(boolean on) {
        return edit(copy -> copy.swaggerUi = on);
    }

    public ServerConfig withWebhooks(WebhookSettings otherWebhooks) {
        return edit(copy -> copy.webhooks = otherWebhooks);
    }

    public ServerConfig withBilling(BillingSettings otherBilling) {
        return edit(copy -> copy.billing = otherBilling);
    }

    public ServerConfig withDbPoolSize(int connections) {
        return edit(copy -> copy.dbPoolSize = connections);
    }

    public ServerConfig withCreditValues(CreditValues values) {
        return edit(copy -> copy.creditValues = values);
    }

    /** Whether the server renders missing preset previews in the background after start ({@code PIXFINO_PRESET_PREVIEWS}). */
    public ServerConfig withPresetPreviews(boolean on) {
        return edit(copy -> copy.presetPreviews = on);
    }

    public ServerConfig withTombstoneWindow(Duration window) {
        return edit(copy -> copy.tombstoneWindow = window);
    }

    public ServerConfig withMail(MailSettings otherMail) {
        return edit(copy -> copy.mail = otherMail);
    }

    /** How long a stop waits for in-flight requests, and then for running job steps ({@code PIXFINO_STOP_SECONDS}). */
    public ServerConfig withStopTimeout(Duration timeout) {
        return edit(copy -> copy.stopTimeout = timeout);
    }

    /** The reverse proxies whose {@code X-Forwarded-For} names the client ({@code PIXFINO_TRUSTED_PROXIES}). */
    public ServerConfig withTrustedProxies(java.util.Set<String> proxies) {
        return edit(copy -> copy.trustedProxies = proxies);
    }

    /** One place that copies every component, so adding a setting touches this and the record header, not each wither. */
    private ServerConfig edit(java.util.function.Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.build();
    }

    private static final class Draft {
        private final ServerConfig from;
        private Path dataDir;
        private JobSettings jobs;
        private ResilienceSettings resilience;
        private RemoteProviderSettings providers;
        private Optional<S3Settings> s3;
        private RateLimitSettings limits;
        private boolean swaggerUi;
        private BillingSettings billing;
        private int dbPoolSize;
        private WebhookSettings webhooks;
        private Duration tombstoneWindow;
        private CreditValues creditValues;
        private boolean presetPreviews;
        private MailSettings mail;
        private Duration stopTimeout;
        private java.util.Set<String> trustedProxies;

        Draft(ServerConfig from) {
            this.from = from;
            this.dataDir = from.dataDir;
            this.jobs = from.jobs;
            this.resilience = from.resilience;
            this.providers = from.providers;
            this.s3 = from.s3;
            this.limits = from.limits;
            this.swaggerUi = from.swaggerUi;
            this.billing = from.billing;
            this.dbPoolSize = from.dbPoolSize;
            this.webhooks = from.webhooks;
            this.tombstoneWindow = from.tombstoneWindow;
            this.creditValues = from.creditValues;
            this.presetPreviews = from.presetPreviews;
            this.mail = from.mail;
            this.stopTimeout = from.stopTimeout;
            this.trustedProxies = from.trustedProxies;
        }

        ServerConfig build() {
            return new ServerConfig(
                    from.port,
                    dataDir,
                    from.database,
                    from.admin,
                    from.monthlyCredits,
                    from.tokenLifetime,
                    from.maxUploadBytes,
                    from.maxUploadPixels,
                    jobs,
                    resilience,
                    providers,
                    s3,
                    limits,
                    swaggerUi,
                    billing,
                    dbPoolSize,
                    webhooks,
                    tombstoneWindow,
                    creditValues,
                    presetPreviews,
                    mail,
                    stopTimeout,
                    trustedProxies);
        }
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
