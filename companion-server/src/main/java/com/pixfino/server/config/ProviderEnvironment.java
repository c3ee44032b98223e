package com.pixfino.server.config;

import com.pixfino.server.providers.PriceTable;
import com.pixfino.server.providers.RemoteProviderSettings;
import com.pixfino.server.providers.fal.FalSettings;
import com.pixfino.server.providers.openrouter.OpenRouterSettings;
import com.pixfino.server.providers.replicate.ReplicateSettings;
import com.pixfino.server.providers.replicate.ReplicateWebhook;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The AI provider settings: one key variable per provider (a provider without its key is not offered),
 * base URLs (the real services by default), price tables, and webhooks when {@code PIXFINO_PUBLIC_URL} says
 * where the providers can reach us.
 */
final class ProviderEnvironment {

    static final String WEBHOOK_PATH = "/api/v1/providers/%s/webhook";

    private final EnvironmentValues values;

    ProviderEnvironment(Map<String, String> env) {
        this.values = new EnvironmentValues(env);
    }

    RemoteProviderSettings providers() {
        Optional<URI> publicUrl = values.url("PIXFINO_PUBLIC_URL");
        return new RemoteProviderSettings(replicate(publicUrl), fal(publicUrl), openRouter());
    }

    private Optional<ReplicateSettings> replicate(Optional<URI> publicUrl) {
        Optional<String> secret = values.text("REPLICATE_WEBHOOK_SECRET");
        secret.ifPresent(value -> {
            try {
                ReplicateWebhook.decodeSecret(value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(
                        "REPLICATE_WEBHOOK_SECRET must be the whsec_… secret Replicate shows for your account.");
            }
        });
        return values.text("REPLICATE_API_TOKEN")
                .map(token -> new ReplicateSettings(
                        token,
                        values.url("REPLICATE_BASE_URL").orElse(ReplicateSettings.DEFAULT_BASE_URL),
                        // Replicate signs webhooks with the account secret: without it a webhook could not be trusted
                        secret.isPresent() ? publicUrl.map(url -> webhook(url, "replicate")) : Optional.empty(),
                        secret,
                        prices("REPLICATE_PRICES", ReplicateSettings.DEFAULT_PRICES)));
    }

    private Optional<FalSettings> fal(Optional<URI> publicUrl) {
        return values.text("FAL_KEY")
                .map(key -> new FalSettings(
                        key,
                        values.url("FAL_BASE_URL").orElse(FalSettings.DEFAULT_QUEUE_URL),
                        publicUrl.map(url -> webhook(url, "fal")),
                        values.url("FAL_JWKS_URL").orElse(FalSettings.DEFAULT_JWKS_URL),
                        prices("FAL_PRICES", FalSettings.DEFAULT_PRICES)));
    }

    private Optional<OpenRouterSettings> openRouter() {
        return values.text("OPENROUTER_API_KEY")
                .map(key -> new OpenRouterSettings(
                        key, values.url("OPENROUTER_BASE_URL").orElse(OpenRouterSettings.DEFAULT_BASE_URL)));
    }

    private PriceTable prices(String name, PriceTable defaults) {
        try {
            return PriceTable.parse(values.text(name).orElse(null), defaults);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(
                    name + " must list model=price entries like owner/model=0.04/run,default=0.0014/s: "
                            + e.getMessage() + ".");
        }
    }

    private static URI webhook(URI publicUrl, String provider) {
        return URI.create(publicUrl + String.format(WEBHOOK_PATH, provider));
    }
}
