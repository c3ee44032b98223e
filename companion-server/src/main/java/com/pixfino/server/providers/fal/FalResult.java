package com.pixfino.server.providers.fal;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.model.MediaKind;
import com.pixfino.server.providers.MediaTypes;
import com.pixfino.server.providers.ProviderPoll;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The files of a finished fal request: {@code {video:{url,content_type}}}, {@code {images:[…]}} or {@code {image:{…}}}. */
final class FalResult {

    private FalResult() {}

    static List<ProviderPoll.Output> outputs(JsonNode result, MediaKind kind) {
        List<ProviderPoll.Output> outputs = new ArrayList<>();
        add(outputs, result.path("video"), kind);
        result.path("images").forEach(image -> add(outputs, image, kind));
        add(outputs, result.path("image"), kind);
        return outputs;
    }

    /**
     * Whether the model's safety checker flagged every image ({@code has_nsfw_concepts: [true, …]}): fal then hands
     * back blacked-out images, which are no result.
     */
    static boolean flaggedUnsafe(JsonNode result) {
        JsonNode flags = result.path("has_nsfw_concepts");
        if (!flags.isArray() || flags.isEmpty()) {
            return false;
        }
        for (JsonNode flag : flags) {
            if (!flag.asBoolean(false)) {
                return false;
            }
        }
        return true;
    }

    private static void add(List<ProviderPoll.Output> outputs, JsonNode file, MediaKind kind) {
        String url = file.path("url").asText("");
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            return;
        }
        URI uri = URI.create(url);
        String type = file.path("content_type").asText(null);
        outputs.add(ProviderPoll.Output.at(uri, type != null ? type : MediaTypes.guess(uri, kind)));
    }
}
