package com.pixfino.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.server.testsupport.TestImages;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Replicate stand-in for the benches, in its own process, named to the servers by {@code REPLICATE_BASE_URL}:
 * every predictions call answers after a fixed delay (a provider's latency), a prediction succeeds at its
 * first poll (unless its prompt says {@code forever}), and each submission is counted per generation id
 * found in the prompt, so a bench can prove no job was submitted twice across servers.
 *
 * <p>Arguments: delay in ms, a file to write the port to. {@code GET /bench/counts} answers
 * {@code {"submissions":n,"polls":n,"perGeneration":{"<id>":n,…}}}.
 */
public final class BenchReplicate {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GENERATION_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final long delayMillis;
    private final Map<String, Boolean> foreverById = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> submissionsPerGeneration = new ConcurrentHashMap<>();
    private final AtomicLong submissions = new AtomicLong();
    private final AtomicLong polls = new AtomicLong();
    private final byte[] output = TestImages.jpeg(320, 400);
    private String baseUrl;

    private BenchReplicate(long delayMillis) {
        this.delayMillis = delayMillis;
    }

    public static void main(String[] args) throws Exception {
        BenchReplicate fake = new BenchReplicate(Long.parseLong(args[0]));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        // a thread per waiting call: two servers' workers may all be inside their 200 ms at once
        server.setExecutor(Executors.newFixedThreadPool(256));
        server.createContext("/", fake::handle);
        server.start();
        fake.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        Path portFile = Path.of(args[1]);
        Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(tmp, Integer.toString(server.getAddress().getPort()));
        Files.move(tmp, portFile, StandardCopyOption.ATOMIC_MOVE);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (method.equals("GET") && path.equals("/files/out.jpg")) {
                send(exchange, 200, "image/jpeg", output);
            } else if (method.equals("GET") && path.equals("/bench/counts")) {
                sendJson(exchange, 200, counts());
            } else if (method.equals("POST") && path.startsWith("/v1/") && path.endsWith("/predictions")) {
                sleep();
                sendJson(exchange, 201, create(JSON.readTree(body)));
            } else if (method.equals("GET") && path.startsWith("/v1/predictions/")) {
                sleep();
                String id = path.substring("/v1/predictions/".length());
                Boolean forever = foreverById.get(id);
                if (forever == null) {
                    sendJson(
                            exchange,
                            404,
                            Map.of("title", "Not found", "status", 404, "detail", "No such prediction."));
                } else {
                    polls.incrementAndGet();
                    sendJson(exchange, 200, view(id, forever ? "processing" : "succeeded"));
                }
            } else if (method.equals("POST") && path.endsWith("/cancel")) {
                String id = path.substring("/v1/predictions/".length(), path.length() - "/cancel".length());
                sendJson(exchange, 200, view(id, "canceled"));
            } else {
                sendJson(exchange, 404, Map.of("title", "Not found", "status", 404, "detail", method + " " + path));
            }
        }
    }

    private Map<String, Object> create(JsonNode request) {
        String prompt = request.path("input").path("prompt").asText("");
        Matcher matcher = GENERATION_ID.matcher(prompt);
        String generation = matcher.find() ? matcher.group() : "none";
        submissionsPerGeneration
                .computeIfAbsent(generation, k -> new AtomicInteger())
                .incrementAndGet();
        submissions.incrementAndGet();
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 26);
        foreverById.put(id, prompt.contains("forever"));
        return view(id, "starting");
    }

    private Map<String, Object> view(String id, String status) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("status", status);
        view.put("logs", "");
        view.put("output", "succeeded".equals(status) ? List.of(baseUrl + "/files/out.jpg") : null);
        view.put("error", null);
        view.put("metrics", "succeeded".equals(status) ? Map.of("predict_time", 2.5) : Map.of());
        view.put(
                "urls",
                Map.of(
                        "get",
                        baseUrl + "/v1/predictions/" + id,
                        "cancel",
                        baseUrl + "/v1/predictions/" + id + "/cancel"));
        return view;
    }

    private Map<String, Object> counts() {
        Map<String, Integer> perGeneration = new LinkedHashMap<>();
        submissionsPerGeneration.forEach((k, v) -> perGeneration.put(k, v.get()));
        return Map.of("submissions", submissions.get(), "polls", polls.get(), "perGeneration", perGeneration);
    }

    private void sleep() {
        if (delayMillis <= 0) {
            return;
        }
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
