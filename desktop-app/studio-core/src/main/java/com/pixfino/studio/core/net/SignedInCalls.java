package com.pixfino.studio.core.net;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Calls to one companion server as its signed-in account, for the feature clients that live beside
 * {@link CompanionClient} (the admin mode's): the same connection pool, token, JSON and error sentences. Blocking.
 */
public final class SignedInCalls {

    private final HttpCalls calls;
    private final ServerUrl server;
    private final String token;

    SignedInCalls(HttpCalls calls, ServerUrl server, String token) {
        this.calls = calls;
        this.server = server;
        this.token = token;
    }

    /** GET {@code apiPath} with {@code query} (null values left out), read as {@code type}. */
    public <T> T get(String apiPath, Map<String, String> query, Class<T> type) throws IOException {
        return calls.call(request(url(apiPath, query)).get().build(), type);
    }

    /** As {@link #get(String, Map, Class)} for a generic answer such as a page. */
    public <T> T get(String apiPath, Map<String, String> query, TypeReference<T> type) throws IOException {
        return calls.call(request(url(apiPath, query)).get().build(), type);
    }

    /** POST {@code body} as JSON to {@code apiPath}, the answer read as {@code type}. */
    public <T> T post(String apiPath, Object body, Class<T> type) throws IOException {
        return calls.call(
                request(url(apiPath, Map.of())).post(calls.jsonBody(body)).build(), type);
    }

    private Request.Builder request(HttpUrl url) {
        Request.Builder builder = new Request.Builder().url(url);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    // API paths are absolute (/api/v1/...); resolving them relative keeps a base path such as /pixfino/.
    private HttpUrl url(String apiPath, Map<String, String> query) {
        HttpUrl.Builder url = server.resolve(apiPath.substring(1)).newBuilder();
        query.forEach((name, value) -> {
            if (value != null) {
                url.addQueryParameter(name, value);
            }
        });
        return url.build();
    }
}
