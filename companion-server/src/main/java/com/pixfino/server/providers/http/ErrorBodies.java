package com.pixfino.server.providers.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * The human part of a provider's error body: OpenRouter {@code {error:{message, metadata.reasons}}},
 * Replicate RFC 7807 {@code {title, detail}}, fal {@code {detail:[{loc,msg}]}} or {@code {detail}} / {@code {message}}.
 */
final class ErrorBodies {

    private static final int MAX = 300;

    private ErrorBodies() {}

    static String detail(ObjectMapper mapper, String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (Exception e) {
            return body.trim().startsWith("<") ? null : clip(body.trim());
        }
        if (node == null || !node.isObject()) {
            return null;
        }
        String text = firstOf(node);
        return text == null ? null : clip(text);
    }

    /** Whether the body says a content checker refused the request: fal's {@code detail[].type} content_policy_violation. */
    static boolean safetyRefusal(ObjectMapper mapper, String body) {
        if (body == null || !body.contains("content_policy_violation")) {
            return false;
        }
        try {
            JsonNode detail = mapper.readTree(body).path("detail");
            for (JsonNode item : detail) {
                if ("content_policy_violation".equals(item.path("type").asText())) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static String firstOf(JsonNode node) {
        JsonNode error = node.path("error");
        if (error.isObject() && error.hasNonNull("message")) {
            JsonNode reasons = error.path("metadata").path("reasons");
            return error.get("message").asText()
                    + (reasons.isArray() && !reasons.isEmpty() ? " (reasons: " + reasons.toString() + ")" : "");
        }
        if (error.isTextual()) {
            return error.asText();
        }
        JsonNode detail = node.path("detail");
        if (detail.isTextual()) {
            return detail.asText();
        }
        if (detail.isArray() && !detail.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode item : detail) {
                String where = item.path("loc").isArray() ? join(item.path("loc")) : "";
                parts.add(
                        (where.isEmpty() ? "" : where + ": ") + item.path("msg").asText(item.toString()));
            }
            return String.join("; ", parts);
        }
        if (node.hasNonNull("title")) {
            return node.get("title").asText();
        }
        return node.hasNonNull("message") ? node.get("message").asText() : null;
    }

    private static String join(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(item -> parts.add(item.asText()));
        return String.join(".", parts);
    }

    private static String clip(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > MAX ? flat.substring(0, MAX) + "…" : flat;
    }
}
