package com.pixfino.server.config;

import com.pixfino.model.Tier;
import com.pixfino.server.generation.JobSettings;
import com.pixfino.server.limits.Allowance;
import com.pixfino.server.limits.Budget;
import com.pixfino.server.limits.RateLimitSettings;
import com.pixfino.server.logging.LogFormatEncoder;
import com.pixfino.server.providers.ResilienceSettings;
import com.pixfino.server.webhooks.WebhookSettings;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads {@link ServerConfig} from environment variables; a bad value fails with one sentence naming it. */
public final class ConfigLoader {

    private final Map<String, String> env;

    public ConfigLoader(Map<String, String> env) {
        this.env = env;
    }

    public ServerConfig load() {
        int port = intValue("PIXFINO_PORT", 7070, 0, 65535);
        Path dataDir = path("PIXFINO_DATA_DIR", Path.of(System.getProperty("user.home"), ".pixfino", "server"));
        String logFormat = text("PIXFINO_LOG_FORMAT");
        if (logFormat != null && !LogFormatEncoder.isFormat(logFormat)) {
            throw new ConfigException("PIXFINO_LOG_FORMAT must be json or text, not '" + logFormat + "'.");
        }
        return new ServerConfig(
                port,
                dataDir,
                database(),
                admin(),
                monthlyCredits(),
                Duration.ofDays(intValue("PIXFINO_TOKEN_DAYS", 30, 1, 365)),
                intValue("PIXFINO_MAX_UPLOAD_MB", 20, 1, 200) * 1024L * 1024L,
                intValue("PIXFINO_MAX_UPLOAD_MEGAPIXELS", 50, 1, 500) * 1_000_000L,
                jobs(),
                ResilienceSettings.defaults(),
                new ProviderEnvironment(env).providers(),
                new S3Environment(env).s3(),
                limits(),
                bool("PIXFINO_SWAGGER", true),
                new BillingEnvironment(env).billing(),
                intValue("PIXFINO_DB_POOL_SIZE", ServerConfig.DEFAULT_DB_POOL_SIZE, 4, 500),
                WebhookSettings.defaults().withAllowLocal(bool("PIXFINO_WEBHOOKS_ALLOW_LOCAL", false)),
                days("PIXFINO_TOMBSTONE_DAYS", ServerConfig.DEFAULT_TOMBSTONE_WINDOW),
                new ServerConfig.CreditValues(
                        usd(
                                "PIXFINO_COST_PER_CREDIT_USD",
                                ServerConfig.CreditValues.defaults().costPerCreditUsd()),
                        usd(
                                "PIXFINO_CREDIT_VALUE_USD",
                                ServerConfig.CreditValues.defaults().creditValueUsd())),
                bool("PIXFINO_PRESET_PREVIEWS", true),
                new MailEnvironment(env).mail(),
                Duration.ofSeconds(
                        intValue("PIXFINO_STOP_SECONDS", (int) ServerConfig.DEFAULT_STOP_TIMEOUT.toSeconds(), 1, 300)),
                trustedProxies());
    }

    /** An amount of US dollars such as 0.27: not negative, at most 1000, at most four decimals. */
    private java.math.BigDecimal usd(String name, java.math.BigDecimal fallback) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        java.math.BigDecimal amount;
        try {
            amount = new java.math.BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be an amount of US dollars such as 0.27, not '" + value + "'.");
        }
        if (amount.signum() < 0 || amount.compareTo(java.math.BigDecimal.valueOf(1000)) > 0 || amount.scale() > 4) {
            throw new ConfigException(
                    name + " must be from 0 to 1000 US dollars with at most four decimals, not " + value + ".");
        }
        return amount;
    }

    /** A number of days, fractions allowed (0.0001 is about 9 s, for tests), from one millisecond to 100 years. */
    private Duration days(String name, Duration fallback) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        double days;
        try {
            days = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a number of days such as 90 or 0.5, not '" + value + "'.");
        }
        double millis = days * 24 * 3600 * 1000;
        if (!(millis >= 1) || days > 36_500) {
            throw new ConfigException(name + " must be more than 0 and at most 36500 days, not " + value + ".");
        }
        return Duration.ofMillis(Math.round(millis));
    }

    private RateLimitSettings limits() {
        Map<Budget, Allowance> allowances = new EnumMap<>(Budget.class);
        for (Budget budget : Budget.values()) {
            String name = budget.environmentVariable();
            String value = text(name);
            if (value == null) {
                allowances.put(budget, RateLimitSettings.defaultFor(budget));
                continue;
            }
            try {
                Allowance.parse(value).ifPresent(allowance -> allowances.put(budget, allowance));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(
                        name + " must be a count per period like 30/1m, 10/15m, 5/1h or 10/1s burst 30 (or off), not '"
                                + value + "'.");
            }
        }
        return new RateLimitSettings(allowances);
    }

    private JobSettings jobs() {
        JobSettings defaults = JobSettings.defaults();
        return new JobSettings(
                Duration.ofSeconds(intValue(
                        "PIXFINO_POLL_SECONDS", (int) defaults.pollInterval().toSeconds(), 1, 300)),
                Duration.ofSeconds(intValue(
                        "PIXFINO_JOB_TIMEOUT_SECONDS", (int) defaults.timeout().toSeconds(), 10, 24 * 3600)),
                defaults.queuePolling(),
                defaults.heartbeat(),
                intValue("PIXFINO_JOB_WORKERS", defaults.workers(), 1, 64));
    }

    private Optional<ServerConfig.DatabaseSettings> database() {
        String url = text("PIXFINO_DB_URL");
        if (url == null) {
            if (text("PIXFINO_DB_USER") != null || text("PIXFINO_DB_PASSWORD") != null) {
                throw new ConfigException(
                        "PIXFINO_DB_USER/PIXFINO_DB_PASSWORD are set but PIXFINO_DB_URL is not: set the JDBC URL too, or unset them to use the embedded database.");
            }
            return Optional.empty();
        }
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new ConfigException(
                    "PIXFINO_DB_URL must be a PostgreSQL JDBC URL like jdbc:postgresql://host:5432/pixfino, not '" + url
                            + "'.");
        }
        return Optional.of(
                new ServerConfig.DatabaseSettings(url, text("PIXFINO_DB_USER"), text("PIXFINO_DB_PASSWORD")));
    }

    private Optional<ServerConfig.AdminSettings> admin() {
        String email = text("PIXFINO_ADMIN_EMAIL");
        String password = text("PIXFINO_ADMIN_PASSWORD");
        if (email == null && password == null) {
            return Optional.empty();
        }
        if (email == null || password == null) {
            throw new ConfigException(
                    "PIXFINO_ADMIN_EMAIL and PIXFINO_ADMIN_PASSWORD go together: set both or neither.");
        }
        return Optional.of(new ServerConfig.AdminSettings(email, password));
    }

    private Map<Tier, Integer> monthlyCredits() {
        Map<Tier, Integer> credits = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            String name = "PIXFINO_CREDITS_" + tier.name();
            credits.put(tier, intValue(name, tier.defaultMonthlyCredits(), 0, 1_000_000));
        }
        return credits;
    }

    private Path path(String name, Path fallback) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Path.of(value).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new ConfigException(name + " is not a usable path: '" + value + "'.");
        }
    }

    /** Comma-separated IP addresses of reverse proxies, as the server sees them connect (e.g. 127.0.0.1,::1). */
    private java.util.Set<String> trustedProxies() {
        String value = text("PIXFINO_TRUSTED_PROXIES");
        if (value == null) {
            return java.util.Set.of();
        }
        java.util.Set<String> proxies = new java.util.LinkedHashSet<>();
        for (String part : value.split(",")) {
            String address = part.trim();
            if (!address.matches("[0-9A-Fa-f.:]+")) {
                throw new ConfigException(
                        "PIXFINO_TRUSTED_PROXIES must be IP addresses separated by commas, not '" + value + "'.");
            }
            proxies.add(address);
        }
        return java.util.Set.copyOf(proxies);
    }

    private int intValue(String name, int fallback, int min, int max) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new ConfigException(name + " must be between " + min + " and " + max + ", not " + value + ".");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, not '" + value + "'.");
        }
    }

    private boolean bool(String name, boolean fallback) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(name + " must be true or false, not '" + value + "'.");
        };
    }

    private String text(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
