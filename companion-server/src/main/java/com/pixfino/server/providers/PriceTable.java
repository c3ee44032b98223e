package com.pixfino.server.providers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a provider charges us per model, USD per run or per second, with a default for models not
 * listed. Written as {@code owner/model=0.04/run,other/model=0.0014/s,default=0.001/s}.
 */
public final class PriceTable {

    /** What a price is counted in. */
    public enum Unit {
        RUN,
        SECOND
    }

    /** One model's price. */
    public record Price(BigDecimal usd, Unit unit) {}

    private final Map<String, Price> prices;
    private final Price fallback;

    private PriceTable(Map<String, Price> prices, Price fallback) {
        this.prices = Map.copyOf(prices);
        this.fallback = fallback;
    }

    /** Parses {@code spec} over {@code base}: listed models replace the base's, {@code default} replaces its default. */
    public static PriceTable parse(String spec, PriceTable base) {
        Map<String, Price> merged = new LinkedHashMap<>(base.prices);
        Price fallback = base.fallback;
        if (spec == null || spec.isBlank()) {
            return base;
        }
        for (String entry : spec.split(",")) {
            String[] parts = entry.trim().split("=", 2);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalArgumentException("'" + entry.trim() + "' is not model=price");
            }
            Price price = price(parts[1].trim());
            if (parts[0].trim().equals("default")) {
                fallback = price;
            } else {
                merged.put(parts[0].trim(), price);
            }
        }
        return new PriceTable(merged, fallback);
    }

    public static PriceTable of(Map<String, String> prices, String fallback) {
        Map<String, Price> parsed = new LinkedHashMap<>();
        prices.forEach((model, price) -> parsed.put(model, price(price)));
        return new PriceTable(parsed, price(fallback));
    }

    public Price priceOf(String model) {
        return prices.getOrDefault(model, fallback);
    }

    /** The cost of one run; {@code seconds} is what a per-second price multiplies (null when unknown: no cost). */
    public BigDecimal cost(String model, BigDecimal seconds) {
        Price price = priceOf(model);
        if (price.unit() == Unit.RUN) {
            return price.usd().setScale(4, RoundingMode.HALF_UP);
        }
        return seconds == null ? null : price.usd().multiply(seconds).setScale(4, RoundingMode.HALF_UP);
    }

    private static Price price(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Unit unit = lower.endsWith("/s") ? Unit.SECOND : Unit.RUN;
        String number = lower.endsWith("/s")
                ? lower.substring(0, lower.length() - 2)
                : lower.endsWith("/run") ? lower.substring(0, lower.length() - 4) : lower;
        try {
            BigDecimal usd = new BigDecimal(number.trim());
            if (usd.signum() < 0) {
                throw new IllegalArgumentException("'" + text + "' is negative");
            }
            return new Price(usd, unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a price like 0.04/run or 0.0014/s");
        }
    }
}
