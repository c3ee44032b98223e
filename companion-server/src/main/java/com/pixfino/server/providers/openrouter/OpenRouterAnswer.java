package com.pixfino.server.providers.openrouter;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.model.MediaKind;
import com.pixfino.server.providers.MediaTypes;
import com.pixfino.server.providers.ProviderException;
import com.pixfino.server.providers.ProviderPoll;
import com.pixfino.server.providers.http.ProviderHttp;
import java.math.RoundingMode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads a chat completion into a result: the images of the first choice (data: URLs, or links), and
 * {@code usage.cost}. An {@code error} object, which OpenRouter may send with HTTP 200, is mapped like
 * the HTTP status its code names.
 */
final class OpenRouterAnswer {

    private OpenRouterAnswer() {}

    static ProviderPoll toPoll(JsonNode answer, ProviderHttp http) {
        throwIfError(answer.path("error"), answer, http);
        JsonNode choice = answer.path("choices").path(0);
        if (choice.isMissingNode()) {
            throw http.malformed();
        }
        throwIfError(choice.path("error"), choice, http);
        JsonNode message = choice.path("message");
        List<ProviderPoll.Output> outputs = new ArrayList<>();
        for (JsonNode image : message.path("images")) {
            outputs.add(output(image.path("image_url").path("url").asText(""), http));
        }
        if (outputs.isEmpty()) {
            String text = message.path("content").asText("").trim();
            return new ProviderPoll.Failed(
                    "no_image",
                    "The model answered without an image"
                            + (text.isEmpty()
                                    ? "."
                                    : ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text)));
        }
        JsonNode cost = answer.path("usage").path("cost");
        return new ProviderPoll.Succeeded(
                outputs, cost.isNumber() ? cost.decimalValue().setScale(4, RoundingMode.HALF_UP) : null);
    }

    private static void throwIfError(JsonNode error, JsonNode holder, ProviderHttp http) {
        if (error.isMissingNode() || error.isNull()) {
            return;
        }
        throw named(http.failure(error.path("code").asInt(502), null, holder.toString()));
    }

    /** OpenRouter answers 403 for a moderation refusal (with its reasons): say so rather than "HTTP 403". */
    static ProviderException named(ProviderException e) {
        return "http_403".equals(e.code())
                ? ProviderException.permanent(ProviderException.SAFETY_REFUSAL, e.getMessage())
                : e;
    }

    private static ProviderPoll.Output output(String url, ProviderHttp http) {
        if (url.startsWith("data:")) {
            int comma = url.indexOf(',');
            String header = comma < 0 ? "" : url.substring(5, comma);
            if (!header.endsWith(";base64")) {
                throw http.malformed();
            }
            try {
                return ProviderPoll.Output.of(
                        header.substring(0, header.length() - ";base64".length()),
                        Base64.getDecoder().decode(url.substring(comma + 1)));
            } catch (IllegalArgumentException e) {
                throw http.malformed();
            }
        }
        if (url.startsWith("https://") || url.startsWith("http://")) {
            URI uri = URI.create(url);
            return ProviderPoll.Output.at(uri, MediaTypes.guess(uri, MediaKind.IMAGE));
        }
        throw http.malformed();
    }
}
