package com.pixfino.server.billing;

import com.pixfino.model.Tier;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach Stripe: the secret API key, the webhook endpoint's signing secret, the API base (Stripe's own, or a
 * local stand-in) and the recurring price id of each paid plan (a plan without one cannot be bought).
 */
public record StripeSettings(String secretKey, String webhookSecret, URI apiBase, Map<Tier, String> planPrices) {

    public static final URI DEFAULT_API_BASE = URI.create("https://api.stripe.com");

    public StripeSettings {
        planPrices = Map.copyOf(planPrices);
    }

    public Optional<String> priceOf(Tier tier) {
        return Optional.ofNullable(planPrices.get(tier));
    }

    /** The plan a recurring price id belongs to, if it is one of ours. */
    public Optional<Tier> planOfPrice(String priceId) {
        return planPrices.entrySet().stream()
                .filter(e -> e.getValue().equals(priceId))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    @Override
    public String toString() {
        return "StripeSettings[secretKey=***, webhookSecret=***, apiBase=" + apiBase + ", planPrices=" + planPrices
                + "]";
    }
}
