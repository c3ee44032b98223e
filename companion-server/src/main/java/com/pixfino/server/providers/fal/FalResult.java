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
