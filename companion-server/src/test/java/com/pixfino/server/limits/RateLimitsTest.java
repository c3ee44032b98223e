package com.pixfino.server.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixfino.server.domain.DomainException;
import com.pixfino.server.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Budgets on a clock the test moves: refusals, their waits, refills and the failed sign-in lock-out. */
class RateLimitsTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-21T10:00:00Z"));

    private RateLimits limits(Budget budget, Allowance allowance) {
        return new RateLimits(RateLimitSettings.unlimited().with(budget, allowance), clock);
    }

    @Test
    void aGradualBudgetRefusesWhenUsedUpAndComesBackOneAtATime() {
        RateLimits limits = limits(Budget.LOGIN_PER_IP, Allowance.of(3, Duration.ofMinutes(1)));
        for (int i = 0; i < 3; i++) {
            limits.take(Budget.LOGIN_PER_IP, "10.0.0.1");
        }

        RateLimitedException refused = catchRefusal(() -> limits.take(Budget.LOGIN_PER_IP, "10.0.0.1"));
        assertThat(refused.kind()).isEqualTo(DomainException.Kind.TOO_MANY_REQUESTS);
        assertThat(refused.code()).isEqualTo("too_many_requests");
        assertThat(refused.retryAfter()).contains(Duration.ofSeconds(20));
        assertThat(refused.getMessage())
                .isEqualTo("Too many sign-in attempts from this network. Try again in 20 seconds.");
        assertThatCode(() -> limits.take(Budget.LOGIN_PER_IP, "10.0.0.2"))
                .as("another address has its own")
                .doesNotThrowAnyException();

        clock.advance(Duration.ofSeconds(20));
        limits.take(Budget.LOGIN_PER_IP, "10.0.0.1");
        assertThatThrownBy(() -> limits.take(Budget.LOGIN_PER_IP, "10.0.0.1")).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void failedSignInsLockTheSubjectUntilTheWindowThatBeganWithTheFirstEnds() {
        RateLimits limits = limits(Budget.FAILED_LOGINS_PER_ACCOUNT, Allowance.of(3, Duration.ofMinutes(15)));
        for (int i = 0; i < 3; i++) {
            limits.ensureLeft(Budget.FAILED_LOGINS_PER_ACCOUNT, "email-hash");
            limits.charge(Budget.FAILED_LOGINS_PER_ACCOUNT, "email-hash");
            clock.advance(Duration.ofMinutes(1));
        }

        RateLimitedException locked =
                catchRefusal(() -> limits.ensureLeft(Budget.FAILED_LOGINS_PER_ACCOUNT, "email-hash"));
        assertThat(locked.code()).isEqualTo("locked_out");
        assertThat(locked.retryAfter()).contains(Duration.ofMinutes(12));
        assertThat(locked.getMessage())
                .contains("Too many failed sign-ins for this email")
                .contains("12 minutes");

        clock.advance(Duration.ofMinutes(12));
        assertThatCode(() -> limits.ensureLeft(Budget.FAILED_LOGINS_PER_ACCOUNT, "email-hash"))
                .doesNotThrowAnyException();
    }

    @Test
    void checkingALockOutCostsNothingAndASuccessClearsTheFailures() {
        RateLimits limits = limits(Budget.FAILED_LOGINS_PER_ACCOUNT, Allowance.of(2, Duration.ofMinutes(15)));
        for (int i = 0; i < 10; i++) {
            limits.ensureLeft(Budget.FAILED_LOGINS_PER_ACCOUNT, "a");
        }
        limits.charge(Budget.FAILED_LOGINS_PER_ACCOUNT, "a");
        limits.reset(Budget.FAILED_LOGINS_PER_ACCOUNT, "a");
        limits.charge(Budget.FAILED_LOGINS_PER_ACCOUNT, "a");

        assertThatCode(() -> limits.ensureLeft(Budget.FAILED_LOGINS_PER_ACCOUNT, "a"))
                .doesNotThrowAnyException();
    }

    @Test
    void aBudgetWithoutAnAllowanceIsNotLimited() {
        RateLimits limits = new RateLimits(RateLimitSettings.unlimited(), clock);
        for (int i = 0; i < 10_000; i++) {
            limits.take(Budget.REGISTER_PER_IP, "127.0.0.1");
        }
    }

    @Test
    void allowancesReadFromTheirWrittenForm() {
        assertThat(Allowance.parse("30/1m")).contains(Allowance.of(30, Duration.ofMinutes(1)));
        assertThat(Allowance.parse(" 10 / 15m ")).contains(Allowance.of(10, Duration.ofMinutes(15)));
        assertThat(Allowance.parse("5/1h")).contains(Allowance.of(5, Duration.ofHours(1)));
        assertThat(Allowance.parse("100/1d")).contains(Allowance.of(100, Duration.ofDays(1)));
        assertThat(Allowance.parse("OFF")).isEmpty();
        for (String bad : new String[] {"30", "0/1m", "30/0m", "30/1w", "-1/1m", "lots"}) {
            assertThatThrownBy(() -> Allowance.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static RateLimitedException catchRefusal(Runnable call) {
        try {
            call.run();
        } catch (RateLimitedException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }
}
