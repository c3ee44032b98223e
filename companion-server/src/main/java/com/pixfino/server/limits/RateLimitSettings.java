package com.pixfino.server.limits;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The allowance of each {@link Budget}; a budget without one is not limited. */
public record RateLimitSettings(Map<Budget, Allowance> allowances) {

    public RateLimitSettings {
        allowances = Map.copyOf(allowances);
    }

    /** What a public server starts with. */
    public static RateLimitSettings defaults() {
        Map<Budget, Allowance> map = new EnumMap<>(Budget.class);
        for (Budget budget : Budget.values()) {
            map.put(budget, defaultFor(budget));
        }
        return new RateLimitSettings(map);
    }

    /** Nothing is limited (tests that register hundreds of users from one address). */
    public static RateLimitSettings unlimited() {
        return new RateLimitSettings(Map.of());
    }

    public static Allowance defaultFor(Budget budget) {
        return switch (budget) {
            case LOGIN_PER_IP -> Allowance.of(30, Duration.ofMinutes(1));
            case LOGIN_PER_ACCOUNT -> Allowance.of(20, Duration.ofMinutes(15));
            case FAILED_LOGINS_PER_ACCOUNT -> Allowance.of(10, Duration.ofMinutes(15));
            case REGISTER_PER_IP -> Allowance.of(10, Duration.ofHours(1));
            case REGISTER_PER_ACCOUNT -> Allowance.of(5, Duration.ofHours(1));
            case VERIFY_EMAIL_RESEND_PER_ACCOUNT, PASSWORD_RESET_MAILS_PER_ACCOUNT ->
                Allowance.of(3, Duration.ofHours(1));
            case PASSWORD_RESET_PER_IP -> Allowance.of(10, Duration.ofMinutes(15));
            case EMAIL_CHANGE_PER_ACCOUNT -> Allowance.of(5, Duration.ofHours(1));
            case FAILED_REDEEMS_PER_ACCOUNT -> Allowance.of(10, Duration.ofHours(1));
            case EXPORT_PER_ACCOUNT -> Allowance.of(5, Duration.ofHours(1));
            // sized for an agency's scripts on one instance: a batch of 30 at once, then 10 a second
            case API_CREATES_PER_CREDENTIAL -> Allowance.of(10, Duration.ofSeconds(1), 30);
            case API_REQUESTS_PER_CREDENTIAL -> Allowance.of(50, Duration.ofSeconds(1), 150);
            // several keys and people behind one office address
            case API_CREATES_PER_IP -> Allowance.of(30, Duration.ofSeconds(1), 90);
            case API_REQUESTS_PER_IP -> Allowance.of(150, Duration.ofSeconds(1), 450);
        };
    }

    public Optional<Allowance> allowance(Budget budget) {
        return Optional.ofNullable(allowances.get(budget));
    }

    /** These settings with {@code budget} set to {@code allowance}. */
    public RateLimitSettings with(Budget budget, Allowance allowance) {
        Map<Budget, Allowance> map = new EnumMap<>(Budget.class);
        map.putAll(allowances);
        map.put(budget, allowance);
        return new RateLimitSettings(map);
    }
}
