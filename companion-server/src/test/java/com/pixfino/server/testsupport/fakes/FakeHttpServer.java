package com.pixfino.server.testsupport.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The common part of the providers' fakes: a small Javalin app on 127.0.0.1, the result files it hosts
 * under {@code /files/}, and a record of every call (for asserting what the client sent).
 */
public abstract class FakeHttpServer implements AutoCloseable {

    protected static final ObjectMapper JSON = new ObjectMapper();

    /** One request the fake received. */
    public record Call(String method, String path, String query, Map<String, String> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final Javalin app;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, String> fileTypes = new ConcurrentHashMap<>();
    private final List<CompletableFuture<Void>> stalled = new CopyOnWriteArrayList<>();

    protected FakeHttpServer() {
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = 64L * 1024 * 1024;
        });
        app.before(ctx -> {
            if (!ctx.path().startsWith("/files/")) {
                // a multipart body must stay unread for the upload handler
                boolean multipart = ctx.isMultipartFormData();
                calls.add(new Call(
                        ctx.method().name(),
                        ctx.path(),
                        ctx.queryString(),
                        Map.copyOf(ctx.headerMap()),
                        multipart ? "" : ctx.body()));
            }
        });
        app.get("/files/{name}", ctx -> {
            byte[] bytes = files.get(ctx.pathParam("name"));
            if (bytes == null) {
                ctx.status(404);
                return;
            }
            ctx.contentType(fileTypes.get(ctx.pathParam("name"))).result(bytes);
        });
        routes(app);
        app.start("127.0.0.1", 0);
    }

    /** Declares the provider's API on the app. */
    protected abstract void routes(Javalin app);

    public String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    public URI uri() {
        return URI.create(baseUrl());
    }

    /** Hosts {@code bytes} and returns their URL. */
    protected String host(String name, byte[] bytes, String contentType) {
        files.put(name, bytes);
        fileTypes.put(name, contentType);
        return baseUrl() + "/files/" + name;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method, String pathPart) {
        return calls.stream()
                .filter(c -> c.method().equals(method) && c.path().contains(pathPart))
                .toList();
    }

    /** The one call to a path that carried {@code bodyPart} (tests share a fake, so they find theirs by a unique word). */
    public Call call(String method, String pathPart, String bodyPart) {
        return calls(method, pathPart).stream()
                .filter(c -> c.body().contains(bodyPart))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + method + " " + pathPart + " with " + bodyPart));
    }

    protected static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status)
                    .contentType("application/json")
                    .result(body instanceof String s ? s : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static JsonNode body(Context ctx) {
        try {
            return JSON.readTree(ctx.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keeps the request open and never answers, like a service that took the connection and went silent;
     * no server thread waits meanwhile. Released when the fake closes.
     */
    protected void neverAnswer(Context ctx) {
        CompletableFuture<Void> never = new CompletableFuture<>();
        stalled.add(never);
        ctx.future(() -> never);
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stalled.forEach(never -> never.complete(null));
        app.stop();
    }
}
