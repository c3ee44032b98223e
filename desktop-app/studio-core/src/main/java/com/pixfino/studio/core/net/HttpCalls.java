package com.pixfino.studio.core.net;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.model.api.ErrorBody;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.store.LocalFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongConsumer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Sends one request and reads its JSON answer, turning the server's error body into an exception. */
record HttpCalls(OkHttpClient http, ObjectMapper json, UiThreadGuard guard) {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final long REPORT_EVERY = 256 * 1024;

    RequestBody jsonBody(Object value) throws IOException {
        return RequestBody.create(json.writeValueAsBytes(value), JSON);
    }

    <T> T call(OkHttpClient client, Request request, JavaType type) throws IOException {
        guard.refuse("CompanionClient");
        try (Response response = client.newCall(request).execute()) {
            checkSuccess(request, response);
            if (type == null) {
                return null;
            }
            String body = response.body().string();
            try {
                return json.readValue(body, type);
            } catch (JacksonException e) {
                throw new CompanionHttpException(
                        response.code(), describe(request) + " answered something the studio cannot read");
            }
        }
    }

    <T> T call(Request request, Class<T> type) throws IOException {
        return call(http, request, type == Void.class ? null : json.constructType(type));
    }

    <T> T call(Request request, TypeReference<T> type) throws IOException {
        return call(http, request, json.constructType(type));
    }

    /** Streams the body to a temp file beside {@code target}, then moves it into place. */
    void download(OkHttpClient client, Request request, Path target) throws IOException {
        download(client, request, target, bytes -> {});
    }

    /** As {@link #download(OkHttpClient, Request, Path)}, telling {@code received} the bytes so far; answers the size. */
    long download(OkHttpClient client, Request request, Path target, LongConsumer received) throws IOException {
        guard.refuse("CompanionClient");
        try (Response response = client.newCall(request).execute()) {
            checkSuccess(request, response);
            return save(response, target, received);
        }
    }

    /**
     * As {@link #download(OkHttpClient, Request, Path)} for a conditional request (If-None-Match): answers the saved
     * body's ETag (empty text when it has none), or null when the server answered 304 and {@code target} was left alone.
     */
    String downloadIfChanged(OkHttpClient client, Request request, Path target) throws IOException {
        guard.refuse("CompanionClient");
        try (Response response = client.newCall(request).execute()) {
            if (response.code() == 304) {
                return null;
            }
            checkSuccess(request, response);
            save(response, target, bytes -> {});
            String etag = response.header("ETag");
            return etag == null ? "" : etag;
        }
    }

    /** Streams the body to a temp file beside {@code target}, then moves it into place; answers the size. */
    private static long save(Response response, Path target, LongConsumer received) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        // not createTempFile, whose file is private (0600): the result gets the permissions any new file gets here
        Path temp = target.toAbsolutePath().getParent().resolve(".download-" + java.util.UUID.randomUUID() + ".part");
        long total = 0;
        try {
            try (InputStream in = response.body().byteStream();
                    OutputStream out = Files.newOutputStream(
                            temp,
                            java.nio.file.StandardOpenOption.CREATE_NEW,
                            java.nio.file.StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[64 * 1024];
                long reported = 0;
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    total += n;
                    if (total - reported >= REPORT_EVERY) {
                        received.accept(total);
                        reported = total;
                    }
                }
            }
            received.accept(total);
            LocalFiles.moveIntoPlace(temp, target);
            return total;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void checkSuccess(Request request, Response response) throws IOException {
        if (response.isSuccessful()) {
            return;
        }
        throw failure(request, response, json);
    }

    /** The server's own sentence when it sent one, else a plain description of the status code. */
    static CompanionHttpException failure(Request request, Response response, ObjectMapper json) {
        String body;
        try {
            body = response.body().string();
        } catch (IOException e) {
            body = "";
        }
        try {
            ErrorBody error = json.readValue(body, ErrorBody.class);
            if (error != null && error.error() != null && error.error().message() != null) {
                return new CompanionApiException(
                        response.code(), error.error().code(), error.error().message(), retryAfter(response));
            }
        } catch (IOException | RuntimeException e) {
            // not the server's error format: fall through to the generic description
        }
        return new CompanionHttpException(
                response.code(), describe(request) + " answered HTTP " + response.code(), retryAfter(response));
    }

    /** {@code Retry-After} in whole seconds, as the companion server sends it; a date or garbage counts as absent. */
    static Duration retryAfter(Response response) {
        String value = response.header("Retry-After");
        if (value == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String describe(Request request) {
        return request.method() + " " + request.url().encodedPath();
    }
}
