package com.pixfino.server.providers.openrouter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pixfino.server.providers.ProviderRequest;
import java.util.Set;

/** The chat-completions body that asks an image model for a picture: the prompt as text, then the photo. */
final class OpenRouterRequest {

    private static final Set<String> ASPECTS =
            Set.of("1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9");

    private OpenRouterRequest() {}

    static ObjectNode body(ProviderRequest request, String imageUrl, ObjectMapper mapper) {
        ObjectNode body = mapper.createObjectNode();
        body.put("model", request.model());
        ObjectNode message = body.putArray("messages").addObject();
        message.put("role", "user");
        ArrayNode content = message.putArray("content");
        content.addObject().put("type", "text").put("text", request.prompt());
        content.addObject().put("type", "image_url").putObject("image_url").put("url", imageUrl);
        ArrayNode modalities = body.putArray("modalities").add("image");
        if (!imageOnly(request.model())) {
            modalities.add("text");
        }
        String aspect =
                request.aspectRatio() != null ? request.aspectRatio().label() : aspect(request.recipeJson(), mapper);
        if (aspect != null) {
            body.putObject("image_config").put("aspect_ratio", aspect);
        }
        // chat completions take a top-level integer seed (best effort: not every image model honours it)
        if (request.seed() != null) {
            body.put("seed", request.seed());
        }
        return body;
    }

    /** Models that only draw must be asked for ["image"]; chat models that draw take ["image","text"]. */
    private static boolean imageOnly(String model) {
        return model.startsWith("black-forest-labs/") || model.startsWith("sourceful/");
    }

    /** The preset's framing (its local-renderer recipe names one), when OpenRouter knows that ratio. */
    private static String aspect(String recipeJson, ObjectMapper mapper) {
        if (recipeJson == null || recipeJson.isBlank()) {
            return null;
        }
        try {
            JsonNode recipe = mapper.readTree(recipeJson);
            String aspect = recipe == null ? null : recipe.path("aspect").asText(null);
            return aspect != null && ASPECTS.contains(aspect) ? aspect : null;
        } catch (Exception e) {
            return null;
        }
    }
}
