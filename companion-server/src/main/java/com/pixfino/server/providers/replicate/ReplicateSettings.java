package com.pixfino.server.providers.replicate;

import com.pixfino.server.providers.PriceTable;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Replicate account settings: the API token, the API base (the real service unless a test points
 * elsewhere), the webhook URL and its {@code whsec_} secret when webhooks are on, and the price table.
 */
public record ReplicateSettings(
        String token, URI baseUrl, Optional<URI> webhookUrl, Optional<String> webhookSecret, PriceTable prices) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://api.replicate.com");

    /** Flux Kontext Pro is billed per image; models on Nvidia A100 (80 GB) hardware cost $0.0014 per second. */
    public static final PriceTable DEFAULT_PRICES =
            PriceTable.of(Map.of("black-forest-labs/flux-kontext-pro", "0.04/run"), "0.0014/s");

    @Override
    public String toString() {
        return "ReplicateSettings[token=***, baseUrl=" + baseUrl + ", webhookUrl=" + webhookUrl + ", webhookSecret="
                + webhookSecret.map(s -> "***") + "]";
    }
}
