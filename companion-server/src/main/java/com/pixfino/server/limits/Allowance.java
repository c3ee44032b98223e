package com.pixfino.server.limits;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How much of a budget one caller gets: {@code count} per {@code period}, written {@code 10/15m}. */
public record Allowance(long count, Duration period) {

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*/\\s*(\\d{1,6})\\s*(s|m|h|d)");

    public Allowance {
        if (count < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("an allowance is at least 1 per a positive period");
        }
    }

    public static Allowance of(long count, Duration period) {
        return new Allowance(count, period);
    }

    /**
     * Reads {@code 30/1m}, {@code 10/15m}, {@code 5/1h}, {@code 100/1d} or {@code off} (no limit: empty).
     *
     * @throws IllegalArgumentException with the expected form when {@code text} is neither
     */
    public static Optional<Allowance> parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("off")) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(value);
        if (!m.matches() || Long.parseLong(m.group(1)) < 1 || Long.parseLong(m.group(2)) < 1) {
            throw new IllegalArgumentException("expected a count per period like 30/1m, 10/15m, 5/1h or off");
        }
        long amount = Long.parseLong(m.group(2));
        Duration period = switch (m.group(3)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        return Optional.of(new Allowance(Long.parseLong(m.group(1)), period));
    }

    @Override
    public String toString() {
        return count + "/" + period.toSeconds() + "s";
    }
}
