package com.pixfino.server.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.MediaKind;
import com.pixfino.server.providers.local.LocalRendererProvider;
import com.pixfino.server.testsupport.StubProvider;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which providers a preset's generation may run on, in which order. */
class ProviderRoutesTest {

    private final ExecutorService calls = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        calls.shutdownNow();
    }

    @Test
    void thePresetsProviderWithItsModelComesFirstThenTheOthersWithTheirOwnModels() {
        ProviderRegistry registry = registry(
                stub("replicate", Set.of(MediaKind.IMAGE, MediaKind.VIDEO), "r-image"),
                stub("fal", Set.of(MediaKind.IMAGE, MediaKind.VIDEO), "f-image"),
                stub("openrouter", Set.of(MediaKind.IMAGE), "o-image"));

        assertThat(routes(registry, "fal", "fal/preset-model", MediaKind.IMAGE))
                .containsExactly("fal:fal/preset-model", "replicate:r-image", "openrouter:o-image");
        assertThat(routes(registry, "fal", "fal/video", MediaKind.VIDEO))
                .containsExactly("fal:fal/video", "replicate:r-image");
    }

    @Test
    void aPresetWhoseProviderHasNoKeyRunsOnTheNextOneThatCanMakeIt() {
        ProviderRegistry registry = registry(stub("openrouter", Set.of(MediaKind.IMAGE), "o-image"));

        assertThat(routes(registry, "replicate", "bfl/kontext", MediaKind.IMAGE))
                .containsExactly("openrouter:o-image");
        assertThat(routes(registry, "fal", "kling", MediaKind.VIDEO))
                .as("nothing configured makes video")
                .containsExactly("local:kling");
    }

    @Test
    void theLocalRendererIsOnlyAFallbackForNothingConfiguredNeverAFailoverTarget() {
        ProviderRegistry registry = registry(stub("replicate", Set.of(MediaKind.IMAGE), "r-image"));

        assertThat(routes(registry, "replicate", "bfl/kontext", MediaKind.IMAGE))
                .containsExactly("replicate:bfl/kontext");
        assertThat(routes(registry, "local", "", MediaKind.IMAGE)).containsExactly("local:");
    }

    @Test
    void aProviderWithoutADefaultModelOnlyTakesPresetsThatNameIt() {
        ProviderRegistry registry = registry(
                stub("replicate", Set.of(MediaKind.IMAGE), null),
                stub("openrouter", Set.of(MediaKind.IMAGE), "o-image"));

        assertThat(routes(registry, "fal", "kontext", MediaKind.IMAGE)).containsExactly("openrouter:o-image");
    }

    private ProviderRegistry registry(Provider... remote) {
        List<Provider> all = new java.util.ArrayList<>(List.of(remote));
        all.add(new LocalRendererProvider(Path.of("target/unused")));
        return new ProviderRegistry(all, ResilienceSettings.defaults(), calls);
    }

    private static List<String> routes(ProviderRegistry registry, String provider, String model, MediaKind kind) {
        return registry.routes(provider, model, kind).stream()
                .map(r -> r.name() + ":" + r.model())
                .toList();
    }

    private static Provider stub(String name, Set<MediaKind> kinds, String defaultModel) {
        Map<MediaKind, String> defaults = new EnumMap<>(MediaKind.class);
        if (defaultModel != null) {
            kinds.forEach(kind -> defaults.put(kind, defaultModel));
        }
        return new StubProvider(name, new Capabilities(EnumSet.copyOf(kinds), true), defaults) {
            @Override
            public String submit(ProviderRequest request) {
                return "job";
            }

            @Override
            public ProviderPoll poll(String jobId, ProviderRequest request) {
                return new ProviderPoll.Running(null);
            }
        };
    }
}
