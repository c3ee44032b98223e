package com.pixfino.server.providers.fal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pixfino.server.providers.ProviderRequest;
import java.util.regex.Pattern;

/**
 * The model input, in the field names of each model family on fal (Kling, Veo, Hailuo, Flux Kontext), with the format
 * and seed where the model takes them (Hailuo takes neither: it frames the photo as it is).
 */
final class FalInput {

    // Kling 1.x and 2.x take image_url; later Kling versions take start_image_url
    private static final Pattern OLD_KLING = Pattern.compile(".*kling-video/v[12](\\.\\d+)?/.*");

    private FalInput() {}

    static ObjectNode of(ProviderRequest request, String imageUrl, ObjectMapper mapper) {
        ObjectNode input = mapper.createObjectNode();
        input.put("prompt", request.prompt());
        String model = request.model();
        int seconds = request.durationSeconds() == null ? 5 : request.durationSeconds();
        if (model.contains("kling-video")) {
            input.put(OLD_KLING.matcher(model).matches() ? "image_url" : "start_image_url", imageUrl);
            input.put("duration", seconds > 5 ? "10" : "5");
            negativePrompt(request, input);
            // Kling takes aspect_ratio (16:9, 9:16, 1:1) and no seed
            aspectRatio(request, input);
        } else if (model.contains("veo")) {
            input.put("image_url", imageUrl);
            input.put("duration", "8s");
            input.put(
                    "aspect_ratio",
                    request.aspectRatio() != null ? request.aspectRatio().label() : "auto");
            input.put("resolution", "720p");
            seed(request, input);
        } else if (model.contains("hailuo")) {
            input.put("image_url", imageUrl);
            input.put("duration", seconds > 6 ? "10" : "6");
        } else {
            input.put("image_url", imageUrl);
            input.put("num_images", 1);
            input.put("output_format", "jpeg");
            // Flux Kontext on fal: aspect_ratio and seed
            aspectRatio(request, input);
            seed(request, input);
        }
        return input;
    }

    private static void aspectRatio(ProviderRequest request, ObjectNode input) {
        if (request.aspectRatio() != null) {
            input.put("aspect_ratio", request.aspectRatio().label());
        }
    }

    private static void seed(ProviderRequest request, ObjectNode input) {
        if (request.seed() != null) {
            input.put("seed", request.seed());
        }
    }

    private static void negativePrompt(ProviderRequest request, ObjectNode input) {
        if (request.negativePrompt() != null && !request.negativePrompt().isBlank()) {
            input.put("negative_prompt", request.negativePrompt());
        }
    }
}
