package com.pixfino.server.billing;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Billing configuration: Stripe (absent = billing off, the endpoints answer 503), the packs on sale, the balance
 * below which {@code /me} says {@code lowBalance}, and the public address Stripe sends buyers back to.
 */
public record BillingSettings(
        Optional<StripeSettings> stripe, List<CreditPack> packs, int lowCreditThreshold, Optional<URI> publicUrl) {

    public static final int DEFAULT_LOW_CREDIT_THRESHOLD = 8;

    public BillingSettings {
        packs = List.copyOf(packs);
    }

    /** Billing off, the default packs, the default threshold. */
    public static BillingSettings defaults() {
        return new BillingSettings(
                Optional.empty(), CreditPack.DEFAULTS, DEFAULT_LOW_CREDIT_THRESHOLD, Optional.empty());
    }

    public BillingSettings withStripe(StripeSettings settings) {
        return new BillingSettings(Optional.of(settings), packs, lowCreditThreshold, publicUrl);
    }
}
