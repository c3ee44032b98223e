package com.pixfino.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pixfino.model.AspectRatio;
import com.pixfino.model.api.CreateGenerationRequest;

/**
 * The create options (formats, seeds, takes, styles) in the API document: the allowed values and ranges the
 * generator cannot see on the records' plain {@code String}/{@code Long}/{@code UUID} fields.
 */
final class CreateOptionsDocs {

    private CreateOptionsDocs() {}

    static void describe(ObjectNode schemas) {
        JsonNode request = schemas.path("CreateGenerationRequest").path("properties");
        if (request.isObject()) {
            ObjectNode fields = (ObjectNode) request;
            field(fields, "presetId", "The preset; may be left out when styleId is given (the style's base preset).");
            field(fields, "prompt", "Optional, at most 1000 characters; a style's own prompt when left out.");
            field(
                    fields,
                    "negativePrompt",
                    "Optional, at most 1000 characters: what the result must not show; default the style's, else the"
                            + " preset's.");
            formats(field(
                    fields,
                    "aspectRatio",
                    "The output format, width:height. Default the style's, else the preset's defaultAspectRatio. A"
                            + " format the preset's model cannot make (see the preset's aspectRatios) is a 400, before"
                            + " anything is charged."));
            field(
                            fields,
                            "seed",
                            "0 … 2147483647 (2^31−1); default random. Always recorded: the same photo, preset, format"
                                    + " and seed give the same result on the local renderer.")
                    .put("type", "integer")
                    .put("format", "int64")
                    .put("minimum", 0)
                    .put("maximum", CreateGenerationRequest.MAX_SEED);
            field(
                            fields,
                            "groupId",
                            "A client-chosen id that ties the takes (variations) of one request together; each take"
                                    + " is its own request with its own Idempotency-Key, charged and refunded on its"
                                    + " own.")
                    .put("format", "uuid");
            field(fields, "styleId", "One of the caller's styles; another user's or an unknown id is a 404.")
                    .put("format", "uuid");
        }
        JsonNode view = schemas.path("GenerationView").path("properties");
        if (view.isObject()) {
            ObjectNode fields = (ObjectNode) view;
            formats(field(fields, "aspectRatio", "The format it was made in."));
            field(fields, "seed", "The seed it ran with; null only on generations made before seeds were recorded.");
            field(fields, "groupId", "The takes of one request share it; null when the request gave none.");
            field(fields, "styleId", "The style it was made from, if any.");
            field(fields, "presetVersion", "The preset's version when it was made; null on older generations.");
        }
        JsonNode preset = schemas.path("PresetView").path("properties");
        if (preset.isObject()) {
            ObjectNode fields = (ObjectNode) preset;
            JsonNode ratios = fields.path("aspectRatios");
            if (ratios.isObject()) {
                ((ObjectNode) ratios)
                        .put("description", "The formats the preset's model can make.")
                        .withObject("/items")
                        .put("type", "string");
                formats((ObjectNode) ratios.path("items"));
            }
            formats(field(fields, "defaultAspectRatio", "The format a request that names none gets."));
            field(fields, "version", "Starts at 1 and grows whenever an admin changes the preset.");
        }
    }

    private static ObjectNode field(ObjectNode properties, String name, String description) {
        return properties.withObject("/" + name).put("description", description);
    }

    private static void formats(ObjectNode field) {
        var values = field.putArray("enum");
        for (AspectRatio format : AspectRatio.values()) {
            values.add(format.label());
        }
    }
}
