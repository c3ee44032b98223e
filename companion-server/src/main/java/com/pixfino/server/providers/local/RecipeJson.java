package com.pixfino.server.providers.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.server.providers.local.RenderRecipe.Aspect;
import com.pixfino.server.providers.local.RenderRecipe.Curve;
import com.pixfino.server.providers.local.RenderRecipe.Duotone;
import com.pixfino.server.providers.local.RenderRecipe.FrameStyle;
import com.pixfino.server.providers.local.RenderRecipe.Motion;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads recipe JSON leniently (unknown fields ignored, numbers clamped) but strictly on types and enum names. */
final class RecipeJson {

    // trailing garbage after the object is a broken recipe, not something to silently drop
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    private final JsonNode root;

    private RecipeJson(JsonNode root) {
        this.root = root;
    }

    static RenderRecipe parse(String json) {
        if (json == null || json.isBlank()) {
            return RenderRecipe.NEUTRAL;
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("recipe: malformed JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("recipe: expected a JSON object");
        }
        return new RecipeJson(root).read();
    }

    private RenderRecipe read() {
        String aspectText = text("aspect");
        Aspect aspect = aspectText == null ? Aspect.SQUARE : Aspect.fromJson(aspectText);
        if (aspect == null) {
            throw unknown(
                    "aspect",
                    aspectText,
                    Arrays.stream(Aspect.values()).map(Aspect::json).collect(Collectors.joining(", ")));
        }
        return new RenderRecipe(
                aspect,
                number("temperature", 0, -1, 1),
                number("tint", 0, -1, 1),
                number("saturation", 1, 0, 2),
                number("contrast", 1, 0, 2),
                number("brightness", 0, -1, 1),
                enumValue("curve", Curve.class, Curve.LINEAR),
                number("vignette", 0, 0, 1),
                number("grain", 0, 0, 1),
                number("blur", 0, 0, 1),
                number("bloom", 0, 0, 1),
                number("sharpen", 0, 0, 1),
                duotone(),
                colour("tone"),
                number("toneStrength", 0, 0, 1),
                posterize(),
                enumValue("frame", FrameStyle.class, FrameStyle.NONE),
                colour("frameColor"),
                colour("background"),
                enumValue("motion", Motion.class, null),
                (int) Math.round(number("seconds", 4, 3, 5)),
                (int) Math.round(number("fps", 12, 6, 30)));
    }

    private JsonNode field(String name) {
        JsonNode n = root.get(name);
        return n == null || n.isNull() ? null : n;
    }

    private double number(String name, double neutral, double min, double max) {
        JsonNode n = field(name);
        if (n == null) {
            return neutral;
        }
        if (!n.isNumber()) {
            throw new IllegalArgumentException("recipe field '" + name + "' must be a number, got " + n);
        }
        return Math.max(min, Math.min(max, n.doubleValue()));
    }

    private int posterize() {
        int levels = (int) Math.round(number("posterize", 0, 0, 8));
        // one level would paint the picture a single colour, so the smallest real posterize is two
        return levels == 0 ? 0 : Math.max(2, levels);
    }

    private String text(String name) {
        JsonNode n = field(name);
        if (n == null) {
            return null;
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException("recipe field '" + name + "' must be a string, got " + n);
        }
        return n.asText();
    }

    private <E extends Enum<E>> E enumValue(String name, Class<E> type, E neutral) {
        String s = text(name);
        if (s == null) {
            return neutral;
        }
        for (E e : type.getEnumConstants()) {
            if (RenderRecipe.jsonName(e).equals(s)) {
                return e;
            }
        }
        throw unknown(
                name,
                s,
                Arrays.stream(type.getEnumConstants())
                        .map(RenderRecipe::jsonName)
                        .collect(Collectors.joining(", ")));
    }

    private Integer colour(String name) {
        String s = text(name);
        return s == null ? null : parseColour(name, s);
    }

    private Duotone duotone() {
        JsonNode n = field("duotone");
        if (n == null) {
            return null;
        }
        if (!n.isArray() || n.size() != 2 || !n.get(0).isTextual() || !n.get(1).isTextual()) {
            throw new IllegalArgumentException(
                    "recipe field 'duotone' must be null or [\"#rrggbb\", \"#rrggbb\"], got " + n);
        }
        return new Duotone(
                parseColour("duotone", n.get(0).asText()),
                parseColour("duotone", n.get(1).asText()));
    }

    private static int parseColour(String name, String s) {
        if (!COLOUR.matcher(s).matches()) {
            throw new IllegalArgumentException("recipe field '" + name + "' must be a #rrggbb colour, got '" + s + "'");
        }
        return Integer.parseInt(s.substring(1), 16);
    }

    private static IllegalArgumentException unknown(String name, String value, String allowed) {
        return new IllegalArgumentException(
                "recipe field '" + name + "' has unknown value '" + value + "' (expected one of " + allowed + ")");
    }
}
