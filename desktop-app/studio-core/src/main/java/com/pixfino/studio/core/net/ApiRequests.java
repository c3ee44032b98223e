package com.pixfino.studio.core.net;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * A signed-in client's requests to routes its {@link CompanionApi} leaves out (the admin mode's clients in
 * {@code core.admin}): the same token, JSON, error answers and UI-thread guard. Blocking: call it through the
 * TaskExecutor.
 */
public final class ApiRequests {

    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(2);

    private final HttpCalls calls;
    private final ServerUrl server;
    private final String token;

    ApiRequests(HttpCalls calls, ServerUrl server, String token) {
        this.calls = calls;
        this.server = server;
        this.token = token;
    }

    /** GET {@code apiPath} (absolute, {@code /api/v1/…}) with the non-null {@code query} parameters. */
    public <T> T get(String apiPath, Map<String, String> query, TypeReference<T> type) throws IOException {
        HttpUrl.Builder url = url(apiPath).newBuilder();
        query.forEach((name, value) -> {
            if (value != null) {
                url.addQueryParameter(name, value);
            }
        });
        return calls.call(authorized(url.build()).get().build(), type);
    }

    /** {@code method} (POST, PUT, PATCH) with {@code body} as JSON; {@code type} {@code Void.class} reads nothing. */
    public <T> T send(String method, String apiPath, Object body, Class<T> type) throws IOException {
        return calls.call(
                authorized(url(apiPath)).method(method, calls.jsonBody(body)).build(), type);
    }

    /** PUT {@code file} as the multipart field {@code field}, with a transfer's longer time limit. */
    public <T> T putFile(String apiPath, String field, Path file, String contentType, Class<T> type)
            throws IOException {
        MultipartBody body = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart(
                        field,
                        file.getFileName().toString(),
                        RequestBody.create(file.toFile(), MediaType.get(contentType)))
                .build();
        Request request = authorized(url(apiPath)).put(body).build();
        return calls.call(
                calls.http().newBuilder().callTimeout(UPLOAD_TIMEOUT).build(),
                request,
                calls.json().constructType(type));
    }

    // The client's own routes sign their requests the same way.
    Request.Builder authorized(HttpUrl url) {
        Request.Builder builder = new Request.Builder().url(url);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    // API paths are absolute (/api/v1/...); resolving them relative keeps a base path such as /pixfino/.
    HttpUrl url(String apiPath) {
        return server.resolve(apiPath.substring(1));
    }
}
