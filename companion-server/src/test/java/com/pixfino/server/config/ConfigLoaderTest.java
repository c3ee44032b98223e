package com.pixfino.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixfino.model.Tier;
import com.pixfino.server.limits.Allowance;
import com.pixfino.server.limits.Budget;
import com.pixfino.server.limits.RateLimitSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    @Test
    void noSettingsAtAllGivesEmbeddedDefaults() {
        ServerConfig config = new ConfigLoader(Map.of()).load();
        assertThat(config.port()).isEqualTo(7070);
        assertThat(config.dataDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".pixfino", "server"));
        assertThat(config.database()).isEmpty();
        assertThat(config.admin()).isEmpty();
        assertThat(config.monthlyCredits(Tier.FREE)).isEqualTo(5);
        assertThat(config.maxUploadBytes()).isEqualTo(20L * 1024 * 1024);
        assertThat(config.maxUploadPixels()).isEqualTo(50_000_000L);
        assertThat(config.swaggerUi()).isTrue();
        assertThat(config.presetPreviews()).as("previews rendered after start").isTrue();
    }

    @Test
    void presetPreviewsCanBeTurnedOff() {
        assertThat(new ConfigLoader(Map.of("PIXFINO_PRESET_PREVIEWS", "false"))
                        .load()
                        .presetPreviews())
                .isFalse();
    }

    @Test
    void swaggerUiCanBeTurnedOff() {
        assertThat(new ConfigLoader(Map.of("PIXFINO_SWAGGER", "false")).load().swaggerUi())
                .isFalse();
        assertThat(new ConfigLoader(Map.of("PIXFINO_SWAGGER", "TRUE")).load().swaggerUi())
                .isTrue();
        assertThatThrownBy(() -> new ConfigLoader(Map.of("PIXFINO_SWAGGER", "off")).load())
                .isInstanceOf(ConfigException.class)
                .hasMessage("PIXFINO_SWAGGER must be true or false, not 'off'.");
    }

    @Test
    void creditValuesAreTheSeedsTwentySevenCentsUnlessSet() {
        ServerConfig.CreditValues defaults = new ConfigLoader(Map.of()).load().creditValues();
        assertThat(defaults.costPerCreditUsd()).isEqualByComparingTo("0.27");
        assertThat(defaults.creditValueUsd()).isEqualByComparingTo("0.27");
        ServerConfig.CreditValues set = new ConfigLoader(
                        Map.of("PIXFINO_COST_PER_CREDIT_USD", "0.1875", "PIXFINO_CREDIT_VALUE_USD", "0.30"))
                .load()
                .creditValues();
        assertThat(set.costPerCreditUsd()).isEqualByComparingTo("0.1875");
        assertThat(set.creditValueUsd()).isEqualByComparingTo("0.30");
        for (String bad : new String[] {"-0.01", "cheap", "0.12345", "1001"}) {
            assertThatThrownBy(() -> new ConfigLoader(Map.of("PIXFINO_COST_PER_CREDIT_USD", bad)).load())
                    .as(bad)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("PIXFINO_COST_PER_CREDIT_USD must be");
        }
    }

    @Test
    void tombstoneWindowIsNinetyDaysUnlessSetInDaysWithFractions() {
        assertThat(new ConfigLoader(Map.of()).load().tombstoneWindow()).isEqualTo(Duration.ofDays(90));
        assertThat(new ConfigLoader(Map.of("PIXFINO_TOMBSTONE_DAYS", "7"))
                        .load()
                        .tombstoneWindow())
                .isEqualTo(Duration.ofDays(7));
        assertThat(new ConfigLoader(Map.of("PIXFINO_TOMBSTONE_DAYS", "0.0001"))
                        .load()
                        .tombstoneWindow())
                .isEqualTo(Duration.ofMillis(8640));
        for (String bad : new String[] {"0", "-1", "soon", "NaN", "40000"}) {
            assertThatThrownBy(() -> new ConfigLoader(Map.of("PIXFINO_TOMBSTONE_DAYS", bad)).load())
                    .as(bad)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("PIXFINO_TOMBSTONE_DAYS must be");
        }
    }

    @Test
    void databasePoolSizeHasADefaultAndRefusesNonsense() {
        assertThat(new ConfigLoader(Map.of()).load().dbPoolSize()).isEqualTo(ServerConfig.DEFAULT_DB_POOL_SIZE);
        assertThat(new ConfigLoader(Map.of("PIXFINO_DB_POOL_SIZE", "48")).load().dbPoolSize())
                .isEqualTo(48);
        assertThatThrownBy(() -> new ConfigLoader(Map.of("PIXFINO_DB_POOL_SIZE", "2")).load())
                .isInstanceOf(ConfigException.class)
                .hasMessage("PIXFINO_DB_POOL_SIZE must be between 4 and 500, not 2.");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("PIXFINO_DB_POOL_SIZE", "lots")).load())
                .isInstanceOf(ConfigException.class)
                .hasMessage("PIXFINO_DB_POOL_SIZE must be a whole number, not 'lots'.");
    }

    @Test
    void readsEveryDocumentedVariable() {
        ServerConfig config = new ConfigLoader(Map.of(
                        "PIXFINO_PORT", "8001",
                        "PIXFINO_DATA_DIR", "/srv/pixfino",
                        "PIXFINO_DB_URL", "jdbc:postgresql://db:5432/pixfino",
                        "PIXFINO_DB_USER", "pixfino",
                        "PIXFINO_DB_PASSWORD", "s3cret",
                        "PIXFINO_ADMIN_EMAIL", "ops@example.com",
                        "PIXFINO_ADMIN_PASSWORD", "ops-Password-1",
                        "PIXFINO_CREDITS_FREE", "10"))
                .load();
        assertThat(config.port()).isEqualTo(8001);
        assertThat(config.dataDir()).isEqualTo(Path.of("/srv/pixfino"));
        assertThat(config.database())
                .get()
                .extracting(ServerConfig.DatabaseSettings::user)
                .isEqualTo("pixfino");
        assertThat(config.database().get().toString()).doesNotContain("s3cret");
        assertThat(config.admin())
                .get()
                .extracting(ServerConfig.AdminSettings::email)
                .isEqualTo("ops@example.com");
        assertThat(config.admin().get().toString()).doesNotContain("ops-Password-1");
        assertThat(config.monthlyCredits(Tier.FREE)).isEqualTo(10);
    }

    @Test
    void badValuesStopWithOneSentenceNamingTheSetting() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("PIXFINO_PORT", "seventy")).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("PIXFINO_PORT must be a whole number");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("PIXFINO_PORT", "70000")).load())
                .hasMessageContaining("PIXFINO_PORT must be between 0 and 65535");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("PIXFINO_DB_URL", "mysql://db/x")).load())
                .hasMessageStartingWith("PIXFINO_DB_URL must be a PostgreSQL JDBC URL");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("PIXFINO_ADMIN_EMAIL", "ops@example.com")).load())
                .hasMessageContaining("PIXFINO_ADMIN_PASSWORD");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("PIXFINO_DB_USER", "x")).load())
                .hasMessageContaining("PIXFINO_DB_URL");
    }

    @Test
    void rateLimitsHaveDefaultsAndAreSetPerBudgetOrTurnedOff() {
        assertThat(new ConfigLoader(Map.of()).load().limits()).isEqualTo(RateLimitSettings.defaults());

        RateLimitSettings limits = new ConfigLoader(Map.of(
                        "PIXFINO_LIMIT_LOGIN_PER_IP", "100/1m",
                        "PIXFINO_LIMIT_FAILED_LOGINS_PER_ACCOUNT", "5/30m",
                        "PIXFINO_LIMIT_REGISTER_PER_IP", "off",
                        "PIXFINO_RATE_CREATES_PER_CREDENTIAL", "20/1s burst 60"))
                .load()
                .limits();

        assertThat(limits.allowance(Budget.LOGIN_PER_IP)).contains(Allowance.of(100, Duration.ofMinutes(1)));
        assertThat(limits.allowance(Budget.FAILED_LOGINS_PER_ACCOUNT))
                .contains(Allowance.of(5, Duration.ofMinutes(30)));
        assertThat(limits.allowance(Budget.REGISTER_PER_IP)).isEmpty();
        assertThat(limits.allowance(Budget.API_CREATES_PER_CREDENTIAL))
                .contains(Allowance.of(20, Duration.ofSeconds(1), 60));
        assertThat(limits.allowance(Budget.REGISTER_PER_ACCOUNT))
                .contains(RateLimitSettings.defaultFor(Budget.REGISTER_PER_ACCOUNT));
        assertThatThrownBy(() -> new ConfigLoader(Map.of("PIXFINO_LIMIT_LOGIN_PER_ACCOUNT", "lots")).load())
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "PIXFINO_LIMIT_LOGIN_PER_ACCOUNT must be a count per period like 30/1m, 10/15m, 5/1h or 10/1s burst 30 (or off), not 'lots'.");
    }
}
