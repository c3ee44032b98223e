package com.pixfino.server.providers;

import com.pixfino.model.MediaKind;
import java.util.EnumMap;
import java.util.Map;

/** A {@link Provider} whose name, capabilities and fallback models are fixed when it is built. */
public abstract class DescribedProvider implements Provider {

    private final String name;
    private final Capabilities capabilities;
    private final Map<MediaKind, String> defaultModels = new EnumMap<>(MediaKind.class);

    /** A provider of every kind of media from the user's photo, with a failover model for each. */
    protected DescribedProvider(String name, String defaultImageModel, String defaultVideoModel) {
        this(
                name,
                Capabilities.everyKindFromPhoto(),
                Map.of(MediaKind.IMAGE, defaultImageModel, MediaKind.VIDEO, defaultVideoModel));
    }

    /** @param defaultModels the model per kind taken on failover; a kind left out takes only presets naming it */
    protected DescribedProvider(String name, Capabilities capabilities, Map<MediaKind, String> defaultModels) {
        this.name = name;
        this.capabilities = capabilities;
        this.defaultModels.putAll(defaultModels);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public final String defaultModel(MediaKind kind) {
        return defaultModels.get(kind);
    }
}
