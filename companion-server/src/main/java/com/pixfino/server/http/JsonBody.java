package com.pixfino.server.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.domain.Text;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.BadMessageException;

/**
 * Reads a request body as a record. Every refusal is a 400 in our words naming the field and what it must be, never
 * a parser's message or a Java type: the body must be one JSON object of at most {@link #MAX_BYTES}; every string and
 * field name passes {@link Text#check}; unknown fields are refused (a misspelt optional field would otherwise be
 * dropped without a word); numbers, text and booleans are never coerced into one another (see
 * {@code ServerApp.objectMapper}).
 */
public final class JsonBody {

    /** The largest JSON body any endpoint reads. */
    public static final int MAX_BYTES = 1024 * 1024;

    private static final String MALFORMED = "malformed_json";

    private final ObjectMapper mapper;

    public JsonBody(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public <T> T read(Context ctx, Class<T> type) {
        byte[] body = bytes(ctx);
        requireJsonType(ctx, body);
        return parse(body, type);
    }

    /**
     * Reads the body as {@code type}, has the signed-in caller {@code create} something from it, and answers 201 with
     * what was made: the route that adds to one of the caller's collections (keys, webhooks, styles, presets, codes).
     */
    public <T> void created(Context ctx, Class<T> type, BiFunction<UUID, T, ?> create) {
        T request = read(ctx, type);
        ctx.status(201).json(create.apply(Authenticated.of(ctx).userId(), request));
    }

    /** Like {@link #read}, but an empty (or blank) body is {@code empty}: for endpoints whose body is optional. */
    public <T> T readOrElse(Context ctx, Class<T> type, T empty) {
        byte[] body = bytes(ctx);
        if (new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return empty;
        }
        requireJsonType(ctx, body);
        return parse(body, type);
    }

    /**
     * A body declared as something else (a form, plain text) is a 415, even if it happens to parse: the client meant
     * another format. No declared type is allowed (some clients send none); an empty body is left to the JSON checks.
     */
    private static void requireJsonType(Context ctx, byte[] body) {
        String declared = ctx.header("Content-Type");
        if (body.length == 0 || declared == null || declared.isBlank()) {
            return;
        }
        String media = declared.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!media.equals("application/json") && !(media.startsWith("application/") && media.endsWith("+json"))) {
            throw new DomainException(
                    DomainException.Kind.UNSUPPORTED_MEDIA,
                    "unsupported_media_type",
                    "Send the request body as JSON, with the header Content-Type: application/json.");
        }
    }

    private <T> T parse(byte[] body, Class<T> type) {
        JsonNode tree = tree(body);
        if (!tree.isObject()) {
            throw DomainException.invalid(
                    MALFORMED, "The request body must be a JSON object, like {\"name\": \"value\"}.");
        }
        checkText(tree, "");
        ObjectReader reader = mapper.readerFor(type)
                .with(
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        try {
            return reader.readValue(tree);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null
                    ? ""
                    : e.getKnownPropertyIds().stream()
                            .map(Object::toString)
                            .sorted()
                            .collect(Collectors.joining(", "));
            throw DomainException.invalid(
                    "unknown_field",
                    "Unknown field '" + Text.quote(path(e, e.getPropertyName()), 60) + "'"
                            + (known.isEmpty() ? "." : "; this endpoint takes " + known + "."));
        } catch (MismatchedInputException e) {
            String field = path(e, null);
            if (field.isEmpty()) {
                throw DomainException.invalid(
                        MALFORMED, "The request body must be a JSON object, like {\"name\": \"value\"}.");
            }
            throw DomainException.invalid("invalid_field", field + " must be " + expected(e.getTargetType()) + ".");
        } catch (InputCoercionException e) {
            throw DomainException.invalid(
                    "invalid_field", currentName(e) + " is out of range for " + expected(e.getTargetType()) + ".");
        } catch (JsonMappingException e) {
            String field = path(e, null);
            if (e.getCause() instanceof InputCoercionException tooBig && !field.isEmpty()) {
                throw DomainException.invalid(
                        "invalid_field", field + " is out of range for " + expected(tooBig.getTargetType()) + ".");
            }
            throw DomainException.invalid(
                    "invalid_field",
                    field.isEmpty()
                            ? "The request body does not fit this endpoint."
                            : field + " has a value this endpoint cannot take.");
        } catch (IOException e) {
            throw DomainException.invalid(MALFORMED, "The request body does not fit this endpoint.");
        }
    }

    private JsonNode tree(byte[] body) {
        if (body.length == 0) {
            throw DomainException.invalid(MALFORMED, "The request body is empty; send a JSON object.");
        }
        try (JsonParser parser = mapper.createParser(body)) {
            JsonNode tree = mapper.reader()
                    .with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                    .readTree(parser);
            if (tree == null || tree.isMissingNode()) {
                throw DomainException.invalid(MALFORMED, "The request body is empty; send a JSON object.");
            }
            if (parser.nextToken() != null) {
                throw DomainException.invalid(
                        MALFORMED, "The request body is not valid JSON: something follows the object.");
            }
            return tree;
        } catch (StreamConstraintsException e) {
            throw DomainException.invalid(
                    MALFORMED, "The request body nests too deeply or holds a value too long to read.");
        } catch (JsonParseException e) {
            var where = e.getLocation();
            throw DomainException.invalid(
                    MALFORMED,
                    "The request body is not valid JSON"
                            + (where == null
                                    ? ""
                                    : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")")
                            + ".");
        } catch (MismatchedInputException e) {
            throw DomainException.invalid(MALFORMED, "A field appears more than once in the request body.");
        } catch (IOException e) {
            throw DomainException.invalid(MALFORMED, "The request body is not valid JSON.");
        }
    }

    /**
     * The raw body (for signed webhooks), at most 1 MB; a body that ends early or arrives broken is a 400, never a
     * 500.
     */
    public static byte[] rawBody(Context ctx) {
        return bytes(ctx);
    }

    /** The body, refused by its declared length before reading and by what arrives while reading. */
    private static byte[] bytes(Context ctx) {
        if (ctx.contentLength() > MAX_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw tooLarge();
            }
            return body;
        } catch (BadMessageException e) {
            throw e.getCode() == 413
                    ? tooLarge()
                    : DomainException.invalid("unreadable_body", "The request body could not be read.");
        } catch (IOException e) {
            throw DomainException.invalid(
                    "unreadable_body", "The request body could not be read: it ended early or was sent wrongly.");
        }
    }

    private static DomainException tooLarge() {
        return new DomainException(
                DomainException.Kind.TOO_LARGE, "payload_too_large", "The request body is larger than 1 MB.");
    }

    /** Every field name and string value, anywhere in the body, against the one text rule. */
    private static void checkText(JsonNode node, String path) {
        if (node.isTextual()) {
            Text.check(path.isEmpty() ? "The request body" : path, node.textValue());
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                Text.check("A field name", field.getKey());
                checkText(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkText(node.get(i), path + "[" + i + "]");
            }
        }
    }

    /** The JSON path of the failing value, like {@code presetId} or {@code items[2].name}. */
    private static String path(JsonMappingException e, String last) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        if (path.length() == 0 && last != null) {
            return last;
        }
        return path.toString();
    }

    private static String currentName(JsonProcessingException e) {
        try {
            Object processor = e.getProcessor();
            if (processor instanceof JsonParser parser && parser.currentName() != null) {
                return Text.quote(parser.currentName(), 60);
            }
        } catch (IOException ignored) {
            // no name to give: fall through to the generic word
        }
        return "A number in the request body";
    }

    /**
     * The spellings of an enum's constants in JSON: a constant's {@code @JsonProperty} name, else its Java name (the
     * mapper reads either in any case, see {@code ServerApp.objectMapper}).
     */
    static List<String> wireNames(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants())
                .map(constant -> {
                    String name = ((Enum<?>) constant).name();
                    try {
                        JsonProperty property = enumType.getField(name).getAnnotation(JsonProperty.class);
                        return property == null || property.value().isEmpty() ? name : property.value();
                    } catch (NoSuchFieldException e) {
                        return name;
                    }
                })
                .toList();
    }

    /** What a value of {@code type} looks like, in the API's words. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == Long.class
                || type == long.class
                || type == Integer.class
                || type == int.class
                || type == Short.class
                || type == short.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == Double.class
                || type == double.class
                || type == Float.class
                || type == float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == UUID.class) {
            return "an id (a UUID like 3f1b7e2c-5c4e-4b8a-9d1e-6a2f0c9b7d41)";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", wireNames(type));
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date and time like 2026-01-31T12:00:00Z";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }
}
