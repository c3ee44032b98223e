package com.pixfino.server.testsupport;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.AuthResponse;
import com.pixfino.model.api.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A plain HTTP client for black-box tests: raw status, headers and parsed JSON. */
public final class ApiClient {

    private static final MediaType JSON = MediaType.get("application/json");
    // reads the answers into the shared-model records the studio uses; fields the studio ignores are fine
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .readTimeout(Duration.ofSeconds(60))
            .retryOnConnectionFailure(false)
            // without retries, a pooled connection must never outlive Jetty's 30 s idle timeout: a test that waits
            // longer (a slow render) would otherwise send on a socket the server has just closed
            .connectionPool(new ConnectionPool(5, 10, TimeUnit.SECONDS))
            .build();

    private final String baseUrl;
    private final String token;

    public ApiClient(String baseUrl) {
        this(baseUrl, null);
    }

    private ApiClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    public String token() {
        return token;
    }

    public ApiClient withToken(String token) {
        return new ApiClient(baseUrl, token);
    }

    /** The status, the headers and the body (parsed when it is JSON). */
    public record Answer(
            int status,
            String contentType,
            String body,
            JsonNode json,
            Map<String, java.util.List<String>> headers,
            byte[] bytes) {
        public String errorCode() {
            return json == null ? null : json.path("error").path("code").asText(null);
        }

        public String header(String name) {
            var values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** The JSON body as a shared-model record, e.g. {@code as(GenerationView.class)}. */
        public <T> T as(Class<T> type) {
            return MAPPER.convertValue(jsonBody(), type);
        }

        /** The JSON body as a page of shared-model records, e.g. {@code page(LedgerEntryView.class)}. */
        public <T> Page<T> page(Class<T> item) {
            return MAPPER.convertValue(jsonBody(), MAPPER.getTypeFactory().constructParametricType(Page.class, item));
        }

        private JsonNode jsonBody() {
            if (json == null) {
                throw new AssertionError("expected JSON but got " + status + " " + contentType + ": " + body);
            }
            return json;
        }
    }

    /** A path template of {@link ApiPaths} with its {@code {id}} filled in. */
    public static String path(String template, Object id) {
        return template.replace("{id}", id.toString());
    }

    public Answer get(String path) {
        return send(new Request.Builder().url(baseUrl + path).get());
    }

    public Answer delete(String path) {
        return send(new Request.Builder().url(baseUrl + path).delete());
    }

    public Answer post(String path, Object body) {
        return postRaw(path, write(body));
    }

    public Answer postWithHeader(String path, Object body, String header, String value) {
        return send(new Request.Builder()
                .url(baseUrl + path)
                .header(header, value)
                .post(RequestBody.create(write(body), JSON)));
    }

    /** An OkHttp request already carrying this client's token, for streaming tests. */
    public Request.Builder request(String path) {
        Request.Builder builder = new Request.Builder().url(baseUrl + path);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    /** A form post ({@code application/x-www-form-urlencoded}), as a browser sends a page's form. */
    public Answer postForm(String path, Map<String, String> fields) {
        okhttp3.FormBody.Builder form = new okhttp3.FormBody.Builder();
        fields.forEach(form::add);
        return send(new Request.Builder().url(baseUrl + path).post(form.build()));
    }

    public Answer postRaw(String path, String rawJson) {
        return send(new Request.Builder().url(baseUrl + path).post(RequestBody.create(rawJson, JSON)));
    }

    public Answer method(String method, String path, String rawJson) {
        RequestBody body = rawJson == null ? null : RequestBody.create(rawJson, JSON);
        return send(new Request.Builder().url(baseUrl + path).method(method, body));
    }

    public Answer upload(String path, String fileName, byte[] bytes, String contentType) {
        RequestBody multipart = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart("file", fileName, RequestBody.create(bytes, MediaType.get(contentType)))
                .build();
        return send(new Request.Builder().url(baseUrl + path).post(multipart));
    }

    /**
     * Any request: {@code body} (may be null) is sent as it is with {@code contentType}; a body whose length is -1
     * goes chunked, without Content-Length.
     */
    public Answer send(String method, String path, RequestBody body, Map<String, String> headers) {
        Request.Builder request = new Request.Builder().url(baseUrl + path).method(method, body);
        headers.forEach(request::header);
        return send(request);
    }

    /** A body of {@code bytes} with {@code contentType} (none when null). */
    public static RequestBody body(byte[] bytes, String contentType) {
        return RequestBody.create(bytes, contentType == null ? null : MediaType.get(contentType));
    }

    /** Registers a fresh user and returns a client signed in as them. */
    public ApiClient registerNew() {
        return register("user-" + UUID.randomUUID() + "@example.com", "correct-Horse-7");
    }

    /** Registers {@code email} (named Test User) and returns a client signed in as the new account. */
    public ApiClient register(String email, String password) {
        Answer answer = post(ApiPaths.REGISTER, Map.of("email", email, "password", password, "name", "Test User"));
        if (answer.status() != 201) {
            throw new IllegalStateException("register failed: " + answer.status() + " " + answer.body());
        }
        return withToken(answer.as(AuthResponse.class).token());
    }

    public ApiClient login(String email, String password) {
        Answer answer = post(ApiPaths.LOGIN, Map.of("email", email, "password", password));
        if (answer.status() != 200) {
            throw new IllegalStateException("login failed: " + answer.status() + " " + answer.body());
        }
        return withToken(answer.as(AuthResponse.class).token());
    }

    private Answer send(Request.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (Response response = HTTP.newCall(request.build()).execute()) {
            byte[] bytes = response.body().bytes();
            String contentType = response.header("Content-Type");
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            JsonNode json = null;
            if (contentType != null && contentType.contains("json") && bytes.length > 0) {
                json = MAPPER.readTree(bytes);
            }
            Map<String, java.util.List<String>> headers = new java.util.HashMap<>();
            response.headers().toMultimap().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
            return new Answer(response.code(), contentType, text, json, headers, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code body} as the JSON text {@link #post} would send, for {@link #method}. */
    public static String json(Object body) {
        return write(body);
    }

    private static String write(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
