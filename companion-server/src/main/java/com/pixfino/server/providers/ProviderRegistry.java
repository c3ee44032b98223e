package com.pixfino.server.providers;

import com.pixfino.model.MediaKind;
import com.pixfino.server.providers.local.LocalRendererProvider;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/** The configured providers, each behind its own guard; the local renderer is always there as the default. */
public final class ProviderRegistry {

    private final Map<String, GuardedProvider> providers = new LinkedHashMap<>();

    public ProviderRegistry(List<Provider> configured, ResilienceSettings settings, ExecutorService calls) {
        this(configured, settings, calls, new SimpleMeterRegistry());
    }

    /** @param meters gets each breaker's state and counts ({@code resilience4j_circuitbreaker_*}) and the latency of provider calls */
    public ProviderRegistry(
            List<Provider> configured, ResilienceSettings settings, ExecutorService calls, MeterRegistry meters) {
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        for (Provider provider : configured) {
            providers.put(provider.name(), new GuardedProvider(provider, settings, calls, breakers, meters));
        }
        if (!providers.containsKey(LocalRendererProvider.NAME)) {
            throw new IllegalArgumentException("the local renderer must be configured: it is the default provider");
        }
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
    }

    /**
     * Where a preset's generation may run, in order: the preset's own provider with its model when it is
     * configured, then every other configured provider that can make this kind, with its default model.
     * The local renderer is chosen only when no such provider exists: it is not a failover target, so a
     * paid AI generation never silently turns into an offline preview.
     */
    public List<ProviderRoute> routes(String presetProvider, String presetModel, MediaKind kind) {
        GuardedProvider local = providers.get(LocalRendererProvider.NAME);
        GuardedProvider own = providers.get(presetProvider);
        if (own == local) {
            return List.of(new ProviderRoute(local, presetModel));
        }
        List<ProviderRoute> routes = new ArrayList<>();
        if (own != null && own.provider().capabilities().canDo(kind)) {
            routes.add(new ProviderRoute(own, presetModel));
        }
        for (GuardedProvider other : providers.values()) {
            String model = other.provider().defaultModel(kind);
            if (other != own
                    && other != local
                    && model != null
                    && other.provider().capabilities().canDo(kind)) {
                routes.add(new ProviderRoute(other, model));
            }
        }
        return routes.isEmpty() ? List.of(new ProviderRoute(local, presetModel)) : List.copyOf(routes);
    }

    /**
     * Whether a generation of this preset could start now: empty when one of its routes takes calls,
     * else how long until the first of their open breakers lets a trial call through.
     */
    public Optional<Duration> pausedFor(String presetProvider, String presetModel, MediaKind kind) {
        Duration shortest = null;
        for (ProviderRoute route : routes(presetProvider, presetModel, kind)) {
            Optional<Duration> paused = route.provider().pausedFor();
            if (paused.isEmpty()) {
                return Optional.empty();
            }
            shortest = shortest == null || paused.get().compareTo(shortest) < 0 ? paused.get() : shortest;
        }
        return Optional.ofNullable(shortest);
    }

    public Optional<GuardedProvider> named(String name) {
        return Optional.ofNullable(name).map(providers::get);
    }

    public List<GuardedProvider> all() {
        return List.copyOf(providers.values());
    }
}
