package com.pixfino.server.providers;

import com.pixfino.server.providers.local.LocalRendererProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/** The configured providers, each behind its own guard; the local renderer is always there as the default. */
public final class ProviderRegistry {

    private final Map<String, GuardedProvider> providers = new LinkedHashMap<>();

    public ProviderRegistry(List<Provider> configured, ResilienceSettings settings, ExecutorService calls) {
        for (Provider provider : configured) {
            providers.put(provider.name(), new GuardedProvider(provider, settings, calls));
        }
        if (!providers.containsKey(LocalRendererProvider.NAME)) {
            throw new IllegalArgumentException("the local renderer must be configured: it is the default provider");
        }
    }

    /** The preset's own provider when it is configured here, else the local renderer. */
    public GuardedProvider forPreset(String presetProvider) {
        return Optional.ofNullable(providers.get(presetProvider)).orElseGet(() -> providers.get(LocalRendererProvider.NAME));
    }

    public Optional<GuardedProvider> named(String name) {
        return Optional.ofNullable(name).map(providers::get);
    }

    public List<GuardedProvider> all() {
        return List.copyOf(providers.values());
    }
}
