package com.pixfino.server.providers.replicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pixfino.model.MediaKind;
import com.pixfino.server.providers.ProviderRequest;

/** The {@code input} object of a prediction, in the field names of the model families the presets use. */
final class ReplicateInput {

    private ReplicateInput() {}

    static ObjectNode of(ProviderRequest request, String imageUrl, ObjectMapper mapper) {
        ObjectNode input = mapper.createObjectNode();
        input.put("prompt", request.prompt());
        if (request.kind() == MediaKind.VIDEO) {
            // Kling on Replicate: the photo is the first frame; 5 or 10 s
            input.put("start_image", imageUrl);
            input.put("duration", request.durationSeconds() != null && request.durationSeconds() > 5 ? 10 : 5);
            if (request.negativePrompt() != null && !request.negativePrompt().isBlank()) {
                input.put("negative_prompt", request.negativePrompt());
            }
            // Kling's aspect_ratio (16:9, 9:16, 1:1); it takes no seed
            if (request.aspectRatio() != null) {
                input.put("aspect_ratio", request.aspectRatio().label());
            }
            return input;
        }
        // Flux Kontext: edits the photo by the prompt, in the asked format or else the photo's framing; seeded
        input.put("input_image", imageUrl);
        input.put(
                "aspect_ratio",
                request.aspectRatio() != null ? request.aspectRatio().label() : "match_input_image");
        if (request.seed() != null) {
            input.put("seed", request.seed());
        }
        input.put("output_format", "jpg");
        return input;
    }
}
