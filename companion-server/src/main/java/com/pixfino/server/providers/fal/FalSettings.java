package com.pixfino.server.providers.fal;

import com.pixfino.server.providers.PriceTable;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** fal.ai settings: the key, the queue base, the webhook URL when webhooks are on, the JWKS that signs them, the prices. */
public record FalSettings(String key, URI queueUrl, Optional<URI> webhookUrl, URI jwksUrl, PriceTable prices) {

    public static final URI DEFAULT_QUEUE_URL = URI.create("https://queue.fal.run");
    public static final URI DEFAULT_JWKS_URL = URI.create("https://rest.alpha.fal.ai/.well-known/jwks.json");

    /** fal's published prices for the catalog's models: video per second of output, images per image. */
    public static final PriceTable DEFAULT_PRICES = PriceTable.of(
            Map.of(
                    "fal-ai/kling-video/v2.1/standard/image-to-video", "0.056/s",
                    "fal-ai/kling-video/v2.1/pro/image-to-video", "0.098/s",
                    "fal-ai/minimax/hailuo-02/standard/image-to-video", "0.045/s",
                    "fal-ai/veo3/fast/image-to-video", "0.40/s",
                    "fal-ai/flux-pro/kontext", "0.04/run"),
            "0.10/s");

    @Override
    public String toString() {
        return "FalSettings[key=***, queueUrl=" + queueUrl + ", webhookUrl=" + webhookUrl + ", jwksUrl=" + jwksUrl
                + "]";
    }
}
