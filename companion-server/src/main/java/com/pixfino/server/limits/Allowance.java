package com.pixfino.server.limits;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of a budget one caller gets: {@code count} per {@code period}, written {@code 10/15m}; with a
 * {@code burst} above the count ({@code 10/1s burst 30}) a caller who waited may use up to that many at once.
 */
public record Allowance(long count, Duration period, long burst) {

    private static final Pattern FORM =
            Pattern.compile("(\\d{1,9})\\s*/\\s*(\\d{1,6})\\s*(s|m|h|d)(?:\\s*burst\\s*(\\d{1,9}))?");

    public Allowance {
        if (count < 1 || period.isNegative() || period.isZero() || burst < count) {
            throw new IllegalArgumentException(
                    "an allowance is at least 1 per a positive period, its burst at least that");
        }
    }

    public Allowance(long count, Duration period) {
        this(count, period, count);
    }

    public static Allowance of(long count, Duration period) {
        return new Allowance(count, period);
    }

    public static Allowance of(long count, Duration period, long burst) {
        return new Allowance(count, period, burst);
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
        long count = Long.parseLong(m.group(1));
        long burst = m.group(4) == null ? count : Long.parseLong(m.group(4));
        if (burst < count) {
            throw new IllegalArgumentException("the burst is at least the count, like 10/1s burst 30");
        }
        return Optional.of(new Allowance(count, period, burst));
    }

    @Override
    public String toString() {
        return count + "/" + period.toSeconds() + "s" + (burst == count ? "" : " burst " + burst);
    }
}
