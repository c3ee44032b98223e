package com.pixfino.server.providers.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.server.providers.CallDeadline;
import com.pixfino.server.providers.ProviderException;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One provider's JSON calls, with every failure mapped the same way: 429 (with its Retry-After), 408, 5xx
 * and broken connections are transient; other 4xx are final; a body that is not JSON is a final
 * {@code malformed_response}. Messages carry the provider's own explanation, never our key.
 */
public record ProviderHttp(String provider, OkHttpClient http, ObjectMapper mapper, Clock clock) {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final long SLACK_MILLIS = 500;

    /**
     * Sends the request and returns its JSON body, or throws the mapped {@link ProviderException}. The
     * exchange ends by the deadline of the guarded call it belongs to, whatever the client's timeouts.
     */
    public JsonNode send(Request request) {
        Call call = http.newCall(request);
        CallDeadline.ofCurrentCall().ifPresent(deadline -> limit(call, deadline));
        try (Response response = call.execute()) {
            String body = response.body().string();
            if (!response.isSuccessful()) {
                throw failure(response.code(), response.header("Retry-After"), body);
            }
            return parse(body);
        } catch (IOException e) {
            throw new ProviderException(
                    "network_error", "Could not reach the " + provider + " service: " + e.getMessage(), true, null, e);
        }
    }

    private void limit(Call call, CallDeadline deadline) {
        // a moment after the guard gives up, so the guard's verdict is the one reported
        long millis = deadline.remaining().toMillis() + SLACK_MILLIS;
        if (http.callTimeoutMillis() > 0) {
            millis = Math.min(millis, http.callTimeoutMillis());
        }
        call.timeout().timeout(millis, TimeUnit.MILLISECONDS);
    }

    public JsonNode parse(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : mapper.readTree(body);
            if (node == null || !node.isContainerNode()) {
                throw malformed();
            }
            return node;
        } catch (JsonProcessingException e) {
            throw malformed();
        }
    }

    /** The exception for an HTTP status (or an error code a provider sends inside a 200). */
    public ProviderException failure(int status, String retryAfter, String body) {
        String detail = ErrorBodies.detail(mapper, body);
        String message =
                "The " + provider + " service answered HTTP " + status + (detail == null ? "." : ": " + detail);
        if (status == 429) {
            return new ProviderException("rate_limited", message, true, RetryAfter.parse(retryAfter, clock), null);
        }
        if (status == 408 || status >= 500) {
            return new ProviderException("http_" + status, message, true, RetryAfter.parse(retryAfter, clock), null);
        }
        if (ErrorBodies.safetyRefusal(mapper, body)) {
            // fal's 422 with a detail of type content_policy_violation: its content checker flagged the job
            return ProviderException.permanent(ProviderException.SAFETY_REFUSAL, message);
        }
        return ProviderException.permanent("http_" + status, message);
    }

    public ProviderException malformed() {
        return ProviderException.permanent(
                "malformed_response", "The " + provider + " service sent an answer we could not read.");
    }

    public RequestBody json(Object value) {
        try {
            return RequestBody.create(mapper.writeValueAsBytes(value), JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request body does not serialise", e);
        }
    }
}
