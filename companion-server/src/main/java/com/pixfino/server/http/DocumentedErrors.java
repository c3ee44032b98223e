package com.pixfino.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pixfino.model.api.ErrorBody;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.TreeMap;

/**
 * The errors of the API document, by one convention instead of on every route: every 4xx/5xx a route lists
 * without a body answers {@link ErrorBody} (what {@link ErrorMapping} writes), and every route with a path
 * parameter can answer 404. Routes then document only the errors that are their own.
 */
public final class DocumentedErrors {

    private static final String SCHEMAS = "#/components/schemas/";

    private DocumentedErrors() {}

    /** Completes the generated document; the plugin's definition processor. */
    public static String process(ObjectNode document) {
        ObjectNode schemas = document.withObject("/components/schemas");
        addSchema(ErrorBody.class, schemas);
        for (JsonNode path : document.path("paths")) {
            for (JsonNode operation : path) {
                ObjectNode responses = ((ObjectNode) operation).withObject("/responses");
                Map<String, JsonNode> byStatus = new TreeMap<>();
                responses.fields().forEachRemaining(r -> byStatus.put(r.getKey(), r.getValue()));
                if (hasPathParameter(operation)) {
                    byStatus.putIfAbsent("404", responses.objectNode().put("description", "Not Found"));
                }
                byStatus.forEach((status, response) -> {
                    if (status.compareTo("400") >= 0 && !response.has("content")) {
                        ((ObjectNode) response)
                                .putObject("content")
                                .putObject("application/json")
                                .putObject("schema")
                                .put("$ref", SCHEMAS + ErrorBody.class.getSimpleName());
                    }
                });
                responses.removeAll().setAll(byStatus);
            }
        }
        return document.toPrettyString();
    }

    private static boolean hasPathParameter(JsonNode operation) {
        for (JsonNode parameter : operation.path("parameters")) {
            if ("path".equals(parameter.path("in").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The schema of a record of strings and records, as the annotation processor would write it. */
    private static void addSchema(Class<?> type, ObjectNode schemas) {
        ObjectNode schema =
                schemas.putObject(type.getSimpleName()).put("type", "object").put("additionalProperties", false);
        ObjectNode properties = schema.putObject("properties");
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> componentType = component.getType();
            if (componentType.isRecord()) {
                properties.putObject(component.getName()).put("$ref", SCHEMAS + componentType.getSimpleName());
                addSchema(componentType, schemas);
            } else {
                properties.putObject(component.getName()).put("type", "string");
            }
        }
    }
}
