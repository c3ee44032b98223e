package com.pixfino.server.config;

import com.pixfino.model.Tier;
import com.pixfino.server.billing.BillingSettings;
import com.pixfino.server.billing.CreditPack;
import com.pixfino.server.billing.StripeSettings;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The billing settings: Stripe's key, webhook secret, API base and plan prices (billing is off without a key), the
 * packs on sale ({@code PIXFINO_PACKS}) and the low-credit threshold.
 */
final class BillingEnvironment {

    private final EnvironmentValues values;

    BillingEnvironment(Map<String, String> env) {
        this.values = new EnvironmentValues(env);
    }

    BillingSettings billing() {
        return new BillingSettings(
                stripe(),
                packs(),
                values.seconds(
                        "PIXFINO_LOW_CREDIT_THRESHOLD", BillingSettings.DEFAULT_LOW_CREDIT_THRESHOLD, 0, 1_000_000),
                values.url("PIXFINO_PUBLIC_URL"));
    }

    private Optional<StripeSettings> stripe() {
        Optional<String> key = values.text("STRIPE_SECRET_KEY");
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String secret = values.text("STRIPE_WEBHOOK_SECRET")
                .orElseThrow(() -> new ConfigException(
                        "STRIPE_WEBHOOK_SECRET is not set: with STRIPE_SECRET_KEY set, Stripe's events could not be"
                                + " verified; copy the signing secret (whsec_…) of the webhook endpoint from Stripe's"
                                + " dashboard, or unset STRIPE_SECRET_KEY to run without billing."));
        Map<Tier, String> prices = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            if (tier.isPaid()) {
                values.text("STRIPE_PRICE_" + tier.name()).ifPresent(price -> prices.put(tier, price));
            }
        }
        if (prices.values().stream().distinct().count() != prices.size()) {
            throw new ConfigException(
                    "STRIPE_PRICE_STARTER, STRIPE_PRICE_PRO and STRIPE_PRICE_BUSINESS must be different prices:"
                            + " the plan of an invoice is found by its price.");
        }
        return Optional.of(new StripeSettings(
                key.get(), secret, values.url("STRIPE_API_BASE").orElse(StripeSettings.DEFAULT_API_BASE), prices));
    }

    private List<CreditPack> packs() {
        Optional<String> text = values.text("PIXFINO_PACKS");
        if (text.isEmpty()) {
            return CreditPack.DEFAULTS;
        }
        try {
            return CreditPack.parseList(text.get());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("PIXFINO_PACKS must list packs as id:credits:price separated by commas, like"
                    + " pack-20:20:4.99,pack-50:50:11.99, but " + e.getMessage() + ".");
        }
    }
}
