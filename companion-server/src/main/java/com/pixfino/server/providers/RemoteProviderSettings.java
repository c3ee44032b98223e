package com.pixfino.server.providers;

import com.pixfino.server.providers.fal.FalSettings;
import com.pixfino.server.providers.openrouter.OpenRouterSettings;
import com.pixfino.server.providers.replicate.ReplicateSettings;
import java.util.Optional;

/** The AI services this server has keys for; each absent one is simply not offered. */
public record RemoteProviderSettings(
        Optional<ReplicateSettings> replicate, Optional<FalSettings> fal, Optional<OpenRouterSettings> openRouter) {

    public static RemoteProviderSettings none() {
        return new RemoteProviderSettings(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
