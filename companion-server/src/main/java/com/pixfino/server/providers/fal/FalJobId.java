package com.pixfino.server.providers.fal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;

/**
 * A fal queue request as we store it: the request's response URL, relative to the queue base when it lies
 * under it (it always does on fal), so status ({@code /status}) and cancel ({@code /cancel}) URLs can be
 * derived after a restart. fal's subpath rule is respected: these URLs come from fal's own submit answer.
 */
final class FalJobId {

    private static final int MAX_LENGTH = 200;

    private FalJobId() {}

    /** The job id for a submit answer, or null when the answer lacks a request id. */
    static String of(URI queueUrl, String model, JsonNode submitted) {
        String requestId = submitted.path("request_id").asText("");
        if (!requestId.matches("[A-Za-z0-9_-]{1,100}")) {
            return null;
        }
        String responseUrl = submitted.path("response_url").asText("");
        if (responseUrl.isEmpty()) {
            // the documented shape: {owner}/{alias} of the model, without its subpath
            String[] parts = model.split("/");
            responseUrl =
                    base(queueUrl) + parts[0] + "/" + (parts.length > 1 ? parts[1] : "") + "/requests/" + requestId;
        }
        String id = responseUrl.startsWith(base(queueUrl))
                ? responseUrl.substring(base(queueUrl).length())
                : responseUrl;
        return id.length() <= MAX_LENGTH && id.endsWith("/" + requestId) ? id : null;
    }

    /** The request's result URL; status and cancel hang off it. */
    static String resultUrl(URI queueUrl, String jobId) {
        return jobId.startsWith("https://") || jobId.startsWith("http://") ? jobId : base(queueUrl) + jobId;
    }

    private static String base(URI queueUrl) {
        String text = queueUrl.toString();
        return text.endsWith("/") ? text : text + "/";
    }
}
