package com.pixfino.server.promo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixfino.model.api.RegisterRequest;
import com.pixfino.model.api.promo.PromoCodeRequest;
import com.pixfino.model.api.promo.PromoCodeStatus;
import com.pixfino.server.ServerApp;
import com.pixfino.server.Services;
import com.pixfino.server.config.ServerConfig;
import com.pixfino.server.db.Database;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.limits.Allowance;
import com.pixfino.server.limits.Budget;
import com.pixfino.server.limits.RateLimitSettings;
import com.pixfino.server.testsupport.MovableClock;
import com.pixfino.server.testsupport.TestServer;
import com.pixfino.server.testsupport.TestServices;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The validity window and the failed-attempt limit on the server's own clock, moved by the test. */
class PromoCodeWindowTest {

    private static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private static Database database;
    private static Services services;
    private static PromoCodes promo;

    @BeforeAll
    static void start() {
        ServerConfig config = TestServer.freshConfig("promo-window")
                .withLimits(RateLimitSettings.unlimited()
                        .with(Budget.FAILED_REDEEMS_PER_ACCOUNT, Allowance.of(10, Duration.ofHours(1))));
        ServerConfig.DatabaseSettings db = config.database().orElseThrow();
        database = Database.open(db.url(), db.user(), db.password(), 4, null);
        services = Services.build(
                config, database, ServerApp.objectMapper(), CLOCK, List.of(), queue -> TestServices.idleQueue());
        promo = services.promoCodes();
    }

    @AfterAll
    static void stop() {
        services.close();
        database.close();
    }

    @Test
    void aCodeWorksFromValidFromUntilJustBeforeValidTo() {
        OffsetDateTime now = OffsetDateTime.now(CLOCK);
        String code = "WINDOW-" + suffix();
        assertThat(promo.create(admin(), request(code, now.plusHours(1), now.plusHours(2)))
                        .status())
                .isEqualTo(PromoCodeStatus.SCHEDULED);
        assertRefused(user(), code, "unknown_code", DomainException.Kind.NOT_FOUND);

        CLOCK.advance(Duration.ofHours(1));
        assertThat(status(code)).isEqualTo(PromoCodeStatus.ACTIVE);
        assertThat(promo.redeem(user(), code).granted()).isEqualTo(3);
        CLOCK.advance(Duration.ofMinutes(59).plusSeconds(59));
        assertThat(promo.redeem(user(), code).granted()).isEqualTo(3);

        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(status(code)).isEqualTo(PromoCodeStatus.EXPIRED);
        assertRefused(user(), code, "expired", DomainException.Kind.GONE);
    }

    @Test
    void theFailedAttemptLimitEndsWithTheHour() {
        OffsetDateTime now = OffsetDateTime.now(CLOCK);
        String code = "LIMIT-" + suffix();
        promo.create(admin(), request(code, now.minusMinutes(1), now.plusDays(3)));
        UUID user = user();
        for (int i = 0; i < 10; i++) {
            assertRefused(user, "WRONG-" + i, "unknown_code", DomainException.Kind.NOT_FOUND);
        }
        assertRefused(user, code, "too_many_requests", DomainException.Kind.TOO_MANY_REQUESTS);
        CLOCK.advance(Duration.ofHours(1));
        assertThat(promo.redeem(user, code).credits()).isEqualTo(5 + 3);
    }

    private static void assertRefused(UUID user, String code, String expected, DomainException.Kind kind) {
        assertThatThrownBy(() -> promo.redeem(user, code)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(expected);
            assertThat(e.kind()).isEqualTo(kind);
        });
    }

    private static PromoCodeStatus status(String code) {
        return promo.list().items().stream()
                .filter(v -> v.code().equals(code))
                .findFirst()
                .orElseThrow()
                .status();
    }

    private static PromoCodeRequest request(String code, OffsetDateTime from, OffsetDateTime to) {
        return new PromoCodeRequest(code, 3, 100, from.withOffsetSameInstant(ZoneOffset.UTC), to);
    }

    private static UUID user() {
        return services.accounts()
                .register(
                        new RegisterRequest("window-" + UUID.randomUUID() + "@pixfino.test", "correct-Horse-7", "W"),
                        "127.0.0.1")
                .user()
                .id();
    }

    private static UUID admin() {
        return UUID.randomUUID();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }
}
