package com.pixfino.server.billing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** A one-time pack of credits that never expire, sold at a price in USD. */
public record CreditPack(String id, int credits, BigDecimal priceUsd) {

    /** The packs a server sells when {@code PIXFINO_PACKS} is not set. */
    public static final List<CreditPack> DEFAULTS = List.of(
            new CreditPack("pack-20", 20, new BigDecimal("4.99")),
            new CreditPack("pack-50", 50, new BigDecimal("11.99")),
            new CreditPack("pack-110", 110, new BigDecimal("24.99")),
            new CreditPack("pack-240", 240, new BigDecimal("49.99")));

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern PRICE = Pattern.compile("\\d{1,6}(\\.\\d{1,2})?");
    private static final Set<String> PLAN_IDS = Set.of("free", "starter", "pro", "business");

    /** What Stripe charges for it, in cents. */
    public long priceCents() {
        return priceUsd.movePointRight(2).longValueExact();
    }

    /**
     * Reads {@code id:credits:price,…} ({@code pack-20:20:4.99,pack-50:50:11.99}).
     *
     * @throws IllegalArgumentException with a sentence part saying which entry is wrong and how
     */
    public static List<CreditPack> parseList(String text) {
        List<CreditPack> packs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (String raw : text.split(",", -1)) {
            String entry = raw.trim();
            String[] parts = entry.split(":", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("'" + entry + "' is not id:credits:price (like pack-20:20:4.99)");
            }
            String id = parts[0].trim();
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("the pack id '" + id
                        + "' must be 1 to 40 lower-case letters, digits or dashes, starting with a letter or digit");
            }
            if (PLAN_IDS.contains(id)) {
                throw new IllegalArgumentException("the pack id '" + id + "' is the id of a plan");
            }
            if (!ids.add(id)) {
                throw new IllegalArgumentException("the pack id '" + id + "' appears twice");
            }
            int credits;
            try {
                credits = Integer.parseInt(parts[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "the credits of '" + id + "' must be a whole number, not '" + parts[1].trim() + "'");
            }
            if (credits < 1 || credits > 1_000_000) {
                throw new IllegalArgumentException("the credits of '" + id + "' must be between 1 and 1000000");
            }
            String price = parts[2].trim();
            if (!PRICE.matcher(price).matches() || new BigDecimal(price).signum() <= 0) {
                throw new IllegalArgumentException("the price of '" + id
                        + "' must be US dollars above zero with at most two decimals, like 4.99, not '" + price + "'");
            }
            packs.add(new CreditPack(id, credits, new BigDecimal(price).setScale(2)));
        }
        return List.copyOf(packs);
    }
}
