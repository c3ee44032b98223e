package com.pixfino.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pixfino.model.api.ErrorBody;
import com.pixfino.model.api.apikeys.ApiKeyScope;
import io.javalin.security.RouteRole;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the API document says by convention instead of on every route: an operation without tags is tagged by its
 * resource (the first segment after {@code /api/v1/}, sign-in and {@code /me} under Accounts, anything outside the
 * API under Operations); every 4xx/5xx a route lists without a body answers {@link ErrorBody} (what
 * {@link ErrorMapping} writes); every route with a path parameter can answer 404. Routes then document only what is
 * their own.
 */
public final class OpenApiConventions {

    private static final String SCHEMAS = "#/components/schemas/";
    private static final String API = "/api/v1/";
    static final String SESSION = "sessionToken";
    static final String API_KEY = "apiKey";
    private static final Map<String, String> TAG_ALIASES = Map.of("auth", "Accounts", "me", "Accounts");

    /**
     * Enums whose JSON spelling is not their Java name: the generator lists the Java names, so the document's enum is
     * rewritten to what the API answers and accepts.
     */
    private static final List<Class<? extends Enum<?>>> WIRE_NAMED_ENUMS = List.of(ApiKeyScope.class);

    private OpenApiConventions() {}

    /** Every {@code enum} list in the document that holds exactly {@code type}'s Java names gets its JSON names. */
    private static void wireNames(JsonNode node, Class<? extends Enum<?>> type) {
        if (node.isObject() && node.path("enum").isArray()) {
            Set<String> javaNames = new java.util.HashSet<>();
            for (Enum<?> constant : type.getEnumConstants()) {
                javaNames.add(constant.name());
            }
            Set<String> listed = new java.util.HashSet<>();
            node.path("enum").forEach(value -> listed.add(value.asText()));
            if (listed.equals(javaNames)) {
                ArrayNode values = ((ObjectNode) node).putArray("enum");
                JsonBody.wireNames(type).forEach(values::add);
            }
        }
        node.forEach(child -> wireNames(child, type));
    }

    /** Completes the generated document without security requirements (tests of the conventions). */
    public static String process(ObjectNode document) {
        return process(document, Map.of());
    }

    /**
     * Completes the generated document; the plugin's definition processor. {@code access} holds who may call each
     * operation ({@code "GET /api/v1/me"} to its {@link Access} roles): each operation gets its security
     * requirement from it (session token, API key with the scope it needs, or none) and the two bearer schemes are
     * declared once.
     */
    public static String process(ObjectNode document, Map<String, Set<RouteRole>> access) {
        ObjectNode schemes = document.withObject("/components/securitySchemes");
        schemes.putObject(SESSION)
                .put("type", "http")
                .put("scheme", "bearer")
                .put("bearerFormat", "pxt_...")
                .put("description", "A session token from /api/v1/auth/login or /api/v1/auth/register.");
        schemes.putObject(API_KEY)
                .put("type", "http")
                .put("scheme", "bearer")
                .put("bearerFormat", "pxf_...")
                .put(
                        "description",
                        "An API key from POST /api/v1/api-keys, sent as Authorization: Bearer pxf_... . Scope read:"
                                + " presets, uploads and generations GETs, ledger, GET /me, events, the library's change feed;"
                                + " scope generate adds POST /uploads, POST /generations, cancel and delete, and library"
                                + " edits (PATCH a generation, collections). Keys never manage keys,"
                                + " webhooks, billing or the account, nor call admin routes (403). A revoked, unknown"
                                + " or malformed key is a 401 on every route.");
        ObjectNode schemas = document.withObject("/components/schemas");
        addSchema(ErrorBody.class, schemas);
        CreateOptionsDocs.describe(schemas);
        WIRE_NAMED_ENUMS.forEach(type -> wireNames(document, type));
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations =
                            path.getValue().fields();
                    operations.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = operations.next();
                JsonNode operation = entry.getValue();
                Set<RouteRole> roles = access.get(entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                if (roles != null) {
                    security((ObjectNode) operation, roles);
                }
                if (operation.path("tags").isEmpty()) {
                    ((ObjectNode) operation).putArray("tags").add(tag(path.getKey()));
                }
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

    private static void security(ObjectNode operation, Set<RouteRole> roles) {
        ArrayNode requirements = operation.putArray("security");
        if (roles.contains(Access.PUBLIC) || roles.isEmpty()) {
            operation.put("x-api-key-scope", "any");
            return;
        }
        requirements.addObject().putArray(SESSION);
        String scope = roles.contains(Access.ADMIN)
                ? "none"
                : roles.contains(Access.KEY_GENERATE) ? "generate" : roles.contains(Access.KEY_READ) ? "read" : "none";
        if (!scope.equals("none")) {
            requirements.addObject().putArray(API_KEY);
        }
        operation.put("x-api-key-scope", scope);
    }

    /** {@code /api/v1/generations/{id}} is tagged Generations, {@code /health} Operations. */
    static String tag(String path) {
        if (!path.startsWith(API)) {
            return "Operations";
        }
        String resource = path.substring(API.length()).split("/", 2)[0];
        return TAG_ALIASES.getOrDefault(
                resource, resource.substring(0, 1).toUpperCase(Locale.ROOT) + resource.substring(1));
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
