package com.pixfino.server.providers;

/** One place a generation can run: a provider and the model to ask it for. */
public record ProviderRoute(GuardedProvider provider, String model) {

    public String name() {
        return provider.name();
    }
}
