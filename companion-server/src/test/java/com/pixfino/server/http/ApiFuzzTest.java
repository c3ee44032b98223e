package com.pixfino.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.server.domain.PageCursor;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.RawHttp;
import com.pixfino.server.testsupport.ServerExtension;
import com.pixfino.server.testsupport.TestImages;
import com.pixfino.server.testsupport.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Hostile requests generated from the server's own OpenAPI document with a fixed seed: wrong types, missing and extra
 * fields, huge and control-character strings, bad ids and cursors, broken multipart, and raw requests no client would
 * send. Every answer must be below 500, a JSON error in our words (no Java names) when it is an error, carry the
 * security headers, and leave no unhandled failure in the log; the server must be healthy after.
 */
class ApiFuzzTest {

    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static final org.slf4j.Logger log = LoggerFactory.getLogger(ApiFuzzTest.class);
    private static final long SEED = 20261127L;

    /** JSON values of every kind, for any field. */
    private static final List<String> VALUES = List.of(
            "1",
            "-1",
            "0",
            "-0",
            "1.5",
            "1e400",
            "123456789012345678901234567890",
            "true",
            "false",
            "null",
            "[]",
            "{}",
            "[1,\"a\"]",
            "{\"a\":{\"b\":[]}}",
            "\"\"",
            "\" \"",
            "\"abc\"",
            "\"1\"",
            "\"1.5\"",
            "\"true\"",
            "\"3f1b7e2c-5c4e-4b8a-9d1e-6a2f0c9b7d41\"",
            "\"3F1B7E2C5C4E4B8A9D1E6A2F0C9B7D41\"",
            "\"\\u0000\"",
            "\"a\\u0000b\"",
            "\"a\\u0001b\"",
            "\"\\u001b[31m\"",
            "\"\\u007f\"",
            "\"\\u0085\"",
            "\"\\ud800\"",
            "\"\\udc00x\"",
            "\"line\\nbreak\"",
            "\"tab\\there\"",
            "\"Zoë 写真 🙂\"",
            "\"<script>alert(1)</script>\"",
            "\"' OR '1'='1\"",
            "\"%00\"",
            "\"x" + "y".repeat(100_000) + "\"",
            "\"" + "é".repeat(5000) + "\"");

    /** Values for a path id or name. */
    private static final List<String> IDS = List.of(
            "abc",
            "-1",
            "0",
            "1",
            "null",
            "' OR '1'='1",
            "<b>x</b>",
            "%00",
            "%0d%0aX-Injected:%201",
            "%C3%28",
            "%E2%80%AE",
            "ü",
            "a".repeat(3000),
            "3F1B7E2C-5C4E-4B8A-9D1E-6A2F0C9B7D41",
            "3f1b7e2c5c4e4b8a9d1e6a2f0c9b7d41",
            "00000000-0000-0000-0000-000000000000",
            "%2e%2e",
            "a%2Fb",
            "🙂",
            "1-1-1-1-1",
            "%20");

    /** Values for a query parameter, already percent-encoded where they need it. */
    private static final List<String> QUERY = List.of(
            "",
            "%20",
            "-1",
            "0",
            "201",
            "1e3",
            "1.5",
            "99999999999999999999",
            "abc",
            "%00",
            "%01x",
            "%FF%FE",
            "%F0%9F%99%82",
            "%22",
            "'",
            "a".repeat(5000),
            "PENDING",
            "pending",
            "portrait",
            "null",
            "%5B%5D",
            "%0d%0aSet-Cookie:%20x=1",
            "%1b%5b2J");

    private static final Map<String, String> NO_HEADERS = Map.of();

    /** One documented operation. */
    private record Operation(
            String method, String path, List<String> queryParams, Map<String, String> jsonFields, boolean multipart) {

        boolean admin() {
            return path.startsWith("/api/v1/admin/");
        }

        /** Public routes and logout (which would sign the fuzzing user out) are called without the user's token. */
        boolean anonymous() {
            return !path.startsWith("/api/v1/")
                    || path.startsWith("/api/v1/auth/")
                    || path.startsWith("/api/v1/presets")
                    || path.startsWith("/api/v1/providers/");
        }

        String filled(String id) {
            return path.replace("{id}", id).replace("{name}", id);
        }
    }

    /** What one request got back. */
    private record Exchange(
            String request, int status, String contentType, String body, Function<String, String> header) {}

    private ApiClient user;
    private ApiClient admin;
    private RawHttp raw;

    @Test
    void hostileRequestsOnEveryDocumentedRouteGetA4xxJsonErrorInOurWords() {
        user = SERVER.client().registerNew();
        admin = SERVER.client().login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        raw = new RawHttp(SERVER.server().baseUrl());
        List<Operation> operations =
                operations(SERVER.client().get("/openapi.json").json());
        assertThat(operations).hasSizeGreaterThanOrEqualTo(20);

        Random random = new Random(SEED);
        List<Supplier<Exchange>> cases = new ArrayList<>();
        for (Operation operation : operations) {
            cases.addAll(cases(operation, random));
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(300);

        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger errors = (Logger) LoggerFactory.getLogger(ErrorMapping.class);
        logged.start();
        errors.addAppender(logged);
        long started = System.nanoTime();
        List<String> problems = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        try {
            for (Supplier<Exchange> fuzzCase : cases) {
                problems.addAll(problems(fuzzCase, statuses));
            }
        } finally {
            errors.detachAppender(logged);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info(
                "event=fuzz_done cases={} operations={} seconds={} seed={} statuses={}",
                cases.size(),
                operations.size(),
                took.toSeconds(),
                SEED,
                statuses);

        assertThat(problems)
                .as("%d of %d requests (seed %d)", problems.size(), cases.size(), SEED)
                .isEmpty();
        assertThat(logged.list.stream()
                        .filter(e -> e.getLevel() == Level.ERROR)
                        .map(ILoggingEvent::getFormattedMessage))
                .isEmpty();
        assertThat(SERVER.client().get("/health").status()).isEqualTo(200);
    }

    // --- the operations, from /openapi.json

    private static List<Operation> operations(JsonNode doc) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                JsonNode op = method.getValue();
                List<String> query = new ArrayList<>();
                op.path("parameters").forEach(p -> {
                    if ("query".equals(p.path("in").asText())) {
                        query.add(p.get("name").asText());
                    }
                });
                JsonNode content = op.path("requestBody").path("content");
                Map<String, String> fields = new LinkedHashMap<>();
                JsonNode schema = content.path("application/json").path("schema");
                if (schema.has("$ref")) {
                    String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
                    doc.path("components")
                            .path("schemas")
                            .path(name)
                            .path("properties")
                            .fields()
                            .forEachRemaining(f -> fields.put(
                                    f.getKey(), f.getValue().path("type").asText("string")));
                }
                operations.add(new Operation(
                        method.getKey().toUpperCase(Locale.ROOT),
                        path.getKey(),
                        query,
                        fields,
                        content.has("multipart/form-data")));
            }
        }
        return operations;
    }

    // --- the cases

    private List<Supplier<Exchange>> cases(Operation op, Random random) {
        List<Supplier<Exchange>> cases = new ArrayList<>();
        String id = UUID.randomUUID().toString();
        if (op.path().contains("{")) {
            for (String bad : pick(IDS, 8, random)) {
                cases.add(() -> call(op, op.filled(bad), null, null, NO_HEADERS));
            }
        }
        for (String param : op.queryParams()) {
            List<String> values = new ArrayList<>(pick(QUERY, 5, random));
            if (param.equals("cursor")) {
                values.addAll(pick(cursors(), 5, random));
            }
            for (String value : values) {
                cases.add(() -> call(op, op.filled(id) + "?" + param + "=" + value, null, null, NO_HEADERS));
            }
        }
        if (!op.jsonFields().isEmpty()) {
            for (String field : op.jsonFields().keySet()) {
                for (String value : pick(VALUES, 12, random)) {
                    String body = json(op, field, value, random);
                    cases.add(() -> call(
                            op, op.filled(id), body.getBytes(StandardCharsets.UTF_8), "application/json", NO_HEADERS));
                }
            }
            for (byte[] body : brokenJson(op, random)) {
                cases.add(() -> call(op, op.filled(id), body, "application/json", NO_HEADERS));
            }
            String valid = json(op, null, null, random);
            for (String type :
                    List.of("text/plain", "application/x-www-form-urlencoded", "application/json; charset=UTF-16")) {
                cases.add(() -> call(op, op.filled(id), valid.getBytes(StandardCharsets.UTF_8), type, NO_HEADERS));
            }
        } else if (!op.multipart() && !op.method().equals("GET")) {
            byte[] junk = randomBytes(random, 64);
            cases.add(() -> call(op, op.filled(id), junk, "application/octet-stream", NO_HEADERS));
        }
        if (op.multipart()) {
            for (Map.Entry<String, byte[]> body : brokenMultipart(random)) {
                cases.add(() -> call(op, op.filled(id), body.getValue(), body.getKey(), NO_HEADERS));
            }
        }
        if (op.path().equals("/api/v1/generations") && op.method().equals("POST")) {
            String body = json(op, null, null, random);
            for (String key : List.of("k".repeat(300), "with space", "\"quoted\"", "")) {
                cases.add(() -> call(
                        op,
                        op.path(),
                        body.getBytes(StandardCharsets.UTF_8),
                        "application/json",
                        Map.of("Idempotency-Key", key)));
            }
        }
        for (String authorization :
                List.of("Bearer not-a-token", "Basic YWRtaW46YWRtaW4=", "Bearer " + "x".repeat(4000))) {
            cases.add(() -> call(op, op.filled(id), null, null, Map.of("Authorization", authorization)));
        }
        for (Function<String, byte[]> request : pick(rawRequests(op), 4, random)) {
            String target = op.filled(id);
            cases.add(() -> rawCall(op.method() + " " + target + " (raw)", request.apply(target)));
        }
        return cases;
    }

    /** The operation's JSON body: every field valid, except {@code field} set to {@code value} (none: all valid). */
    private static String json(Operation op, String field, String value, Random random) {
        Map<String, String> body = new LinkedHashMap<>();
        op.jsonFields().forEach((name, type) -> body.put(name, validValue(name, type, random)));
        if (field != null) {
            body.put(field, value);
        }
        return body.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String validValue(String name, String type, Random random) {
        return switch (name) {
            case "email" -> "\"fuzz-" + Long.toHexString(random.nextLong()) + "@example.com\"";
            case "password" -> "\"correct-Horse-7\"";
            case "presetId" -> "1";
            case "amount" -> "1";
            default ->
                name.endsWith("Id")
                        ? "\"" + new UUID(random.nextLong(), random.nextLong()) + "\""
                        : type.equals("integer") || type.equals("number")
                                ? "1"
                                : type.equals("boolean") ? "true" : "\"fuzz\"";
        };
    }

    private static List<byte[]> brokenJson(Operation op, Random random) {
        String valid = json(op, null, null, random);
        List<String> texts = List.of(
                "{}",
                valid.replace("{", "{\"unexpected\":1,"),
                valid.replace("}", ",\"extra\":{\"deep\":[1,2]}}"),
                "[]",
                "[" + valid + "]",
                "\"text\"",
                "42",
                "null",
                "{",
                valid + "}",
                valid + " trailing",
                valid.replace("}", ""),
                valid.replace("{", "{\"a\":1,\"a\":2,"),
                "[".repeat(3000) + "]".repeat(3000),
                "{\"a\":" + "[".repeat(600) + "]".repeat(600) + "}",
                "{'single':'quotes'}",
                "{\"a\":NaN}",
                "{\"a\":01}",
                "\ufeff" + valid,
                "{\"\\u0000\":1}");
        List<byte[]> bodies = new ArrayList<>();
        texts.forEach(t -> bodies.add(t.getBytes(StandardCharsets.UTF_8)));
        bodies.add(new byte[0]);
        bodies.add("{\"email\":\"\u00ff\u00fe\"}".getBytes(StandardCharsets.ISO_8859_1));
        bodies.add(valid.getBytes(StandardCharsets.UTF_16LE));
        bodies.add(randomBytes(random, 200));
        bodies.add(("{\"pad\":\"" + "p".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8));
        return bodies;
    }

    /** Content type and body. */
    private static List<Map.Entry<String, byte[]>> brokenMultipart(Random random) {
        String type = "multipart/form-data; boundary=XX";
        byte[] jpeg = TestImages.jpeg(32, 32);
        List<Map.Entry<String, byte[]>> bodies = new ArrayList<>();
        bodies.add(Map.entry(
                type,
                RawHttp.multipart(
                        "Content-Disposition: form-data; name=\"file\"; filename=\"a\u0000b.jpg\"", jpeg, true)));
        bodies.add(Map.entry(
                type,
                RawHttp.multipart(
                        "Content-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\nX-Note: \u0000",
                        jpeg,
                        true)));
        bodies.add(Map.entry(
                type,
                RawHttp.multipart("Content-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"", jpeg, false)));
        bodies.add(Map.entry(
                type,
                RawHttp.multipart("Content-Disposition: form-data; name=\"photo\"; filename=\"a.jpg\"", jpeg, true)));
        bodies.add(Map.entry(
                type,
                RawHttp.multipart(
                        "Content-Disposition: form-data; name=\"file\"; filename=\"" + "n".repeat(5000) + ".jpg\"",
                        jpeg,
                        true)));
        bodies.add(Map.entry(
                type,
                RawHttp.multipart(
                        "Content-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"",
                        randomBytes(random, 4096),
                        true)));
        bodies.add(Map.entry(
                type,
                RawHttp.multipart(
                        "Content-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"", new byte[0], true)));
        bodies.add(Map.entry(
                type,
                RawHttp.multipart(
                        "Content-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\nContent-Type: text/html",
                        "<b>x</b>".getBytes(StandardCharsets.UTF_8),
                        true)));
        bodies.add(Map.entry(type, "--XX--\r\n".getBytes(StandardCharsets.ISO_8859_1)));
        bodies.add(Map.entry(type, randomBytes(random, 1024)));
        bodies.add(Map.entry(
                "multipart/form-data", RawHttp.multipart("Content-Disposition: form-data; name=\"file\"", jpeg, true)));
        bodies.add(Map.entry(
                "multipart/form-data; boundary=YY",
                RawHttp.multipart("Content-Disposition: form-data; name=\"file\"", jpeg, true)));
        bodies.add(Map.entry(
                "multipart/mixed; boundary=XX",
                RawHttp.multipart("Content-Disposition: form-data; name=\"file\"", jpeg, true)));
        bodies.add(Map.entry("application/json", "{\"file\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
        bodies.add(Map.entry(
                type,
                RawHttp.multipart(
                        "Content-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"",
                        new byte[21 * 1024 * 1024],
                        true)));
        return bodies;
    }

    private static List<String> cursors() {
        String id = "3f1b7e2c-5c4e-4b8a-9d1e-6a2f0c9b7d41";
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return List.of(
                base64.encodeToString(("99999999999999:0:" + id).getBytes(StandardCharsets.UTF_8)),
                base64.encodeToString(("-99999999999999:0:" + id).getBytes(StandardCharsets.UTF_8)),
                PageCursor.encode("99999999999999", "0", id),
                PageCursor.encode("-1", "0", id),
                PageCursor.encode("1", "1000000000", id),
                PageCursor.encode("-5"),
                PageCursor.encode("9".repeat(30)),
                PageCursor.encode("a\u0000b@example.com"),
                PageCursor.encode("x@example.com"),
                "1." + "A".repeat(700),
                "1.%00",
                "2.MQ",
                "1.!!");
    }

    /** Requests only a socket sends: each takes the operation's path and gives the bytes to write. */
    private List<Function<String, byte[]>> rawRequests(Operation op) {
        String method = op.method();
        String token = op.anonymous() ? "" : "Authorization: Bearer " + (op.admin() ? admin : user).token() + "\r\n";
        return List.of(
                target -> request(token, method + " " + target + "\u0000x HTTP/1.1", ""),
                target -> request(token, method + " " + target + "/% HTTP/1.1", ""),
                target -> request(token, method + " " + target + "%zz HTTP/1.1", ""),
                target -> request(token, method + " /..%2f.." + target + " HTTP/1.1", ""),
                target -> request(token, method + " /../.." + target + " HTTP/1.1", ""),
                target -> request(token, method + " " + target + "/" + "i".repeat(9000) + " HTTP/1.1", ""),
                target -> request(token, method + " " + target + "?q=% HTTP/1.1", ""),
                target -> request(token, method + " " + target + " HTTP/1.1", "X-Note: a\u0000b\r\n"),
                target -> request(
                        token, method + " " + target + " HTTP/1.1", "X-Padding: " + "p".repeat(20 * 1024) + "\r\n"),
                target -> request(token, method + " " + target + " HTTP/1.1", "X-Folded: a\r\n  b\r\n"),
                target -> request(token, method + " " + target + " HTTP/1.1", "Content-Length: -5\r\n"),
                target -> request(
                        token, method + " " + target + " HTTP/1.1", "Content-Length: 3\r\nContent-Length: 4\r\n"),
                target -> request(
                        token,
                        method + " " + target + " HTTP/1.1",
                        "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n",
                        "zz\r\n{}\r\n0\r\n\r\n"),
                target -> request(
                        token,
                        method + " " + target + " HTTP/1.1",
                        "Content-Type: application/json\r\nContent-Length: 100\r\n",
                        "{\"a\":"),
                target ->
                        request(token, method + " " + target + " HTTP/1.1", "Authorization: Bearer \u00ff\u00fe\r\n"));
    }

    private static byte[] request(String token, String requestLine, String headers) {
        return request(token, requestLine, headers, "");
    }

    private static byte[] request(String token, String requestLine, String headers, String body) {
        String host = SERVER.server().baseUrl().substring("http://".length());
        String auth = headers.contains("Authorization") ? "" : token;
        return (requestLine + "\r\nHost: " + host + "\r\nConnection: close\r\n" + auth + headers + "\r\n" + body)
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    // --- sending and judging

    private Exchange call(Operation op, String target, byte[] body, String contentType, Map<String, String> headers) {
        ApiClient client =
                headers.containsKey("Authorization") || op.anonymous() ? SERVER.client() : op.admin() ? admin : user;
        String description =
                op.method() + " " + abbreviate(target) + (contentType == null ? "" : " [" + contentType.trim() + "]")
                        + (body == null ? "" : " " + abbreviate(new String(body, StandardCharsets.ISO_8859_1)));
        // OkHttp sends POST, PUT and PATCH only with a body (an empty one when the case has none)
        boolean sendsBody = body != null
                || op.method().equals("POST")
                || op.method().equals("PUT")
                || op.method().equals("PATCH");
        ApiClient.Answer answer = client.send(
                op.method(),
                target,
                sendsBody ? ApiClient.body(body == null ? new byte[0] : body, contentType) : null,
                headers);
        return new Exchange(description, answer.status(), answer.contentType(), answer.body(), answer::header);
    }

    private Exchange rawCall(String description, byte[] request) {
        RawHttp.Answer answer = raw.exchange(request);
        return new Exchange(
                abbreviate(description), answer.status(), answer.header("Content-Type"), answer.body(), answer::header);
    }

    private static List<String> problems(Supplier<Exchange> fuzzCase, Map<Integer, Integer> statuses) {
        Exchange e;
        try {
            e = fuzzCase.get();
        } catch (RuntimeException failure) {
            return List.of("no answer (" + failure.getMessage() + ")");
        }
        statuses.merge(e.status(), 1, Integer::sum);
        List<String> problems = new ArrayList<>();
        String where = e.request() + " -> " + e.status() + ": ";
        // the fuzzed server has no Stripe key: its billing routes answer the documented 503 billing_unavailable
        boolean billingOff = e.status() == 503 && e.body().contains("\"code\":\"billing_unavailable\"");
        if (e.status() >= 500 && !billingOff) {
            problems.add(where + "server error " + abbreviate(e.body()));
        }
        if (!"nosniff".equals(e.header().apply("X-Content-Type-Options"))
                || !"DENY".equals(e.header().apply("X-Frame-Options"))
                || e.header().apply("Content-Security-Policy") == null) {
            problems.add(where + "security headers missing");
        }
        boolean json = e.contentType() != null && e.contentType().startsWith("application/json");
        // the mailed links' pages (/verify-email, /reset-password, /unsubscribe) and the referral link's (/join) answer
        // people in a browser with our HTML page; a request too broken to reach them gets the JSON error like any other
        String path = e.request().split(" ", 3)[1];
        boolean page = path.startsWith("/verify-email")
                || path.startsWith("/reset-password")
                || path.startsWith("/unsubscribe")
                || path.startsWith("/join");
        boolean html = e.contentType() != null && e.contentType().startsWith("text/html");
        if (e.status() >= 400 && page && html) {
            if (!e.body().contains("<h1>")) {
                problems.add(where + "not our HTML page: " + abbreviate(e.body()));
            }
        } else if (e.status() >= 400) {
            if (!json) {
                problems.add(where + "not JSON but " + e.contentType());
            } else {
                JsonNode error = parse(e.body()).path("error");
                if (error.path("code").asText("").isEmpty()
                        || error.path("message").asText("").isEmpty()) {
                    problems.add(where + "not our error body: " + abbreviate(e.body()));
                }
            }
        }
        if ((json || e.status() >= 400)
                && HostileInputApiTest.INTERNALS.matcher(e.body()).find()) {
            problems.add(where + "names internals: " + abbreviate(e.body()));
        }
        return problems;
    }

    private static JsonNode parse(String body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        } catch (java.io.IOException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    private static <T> List<T> pick(List<T> from, int count, Random random) {
        List<T> copy = new ArrayList<>(from);
        java.util.Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(count, copy.size()));
    }

    private static byte[] randomBytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 120 ? printable.substring(0, 120) + "…(" + printable.length() + ")" : printable;
    }
}
