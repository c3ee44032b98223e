package com.pixfino.server.providers.replicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.model.MediaKind;
import com.pixfino.server.providers.MediaTypes;
import com.pixfino.server.providers.PriceTable;
import com.pixfino.server.providers.ProviderException;
import com.pixfino.server.providers.ProviderPoll;
import com.pixfino.server.providers.ProviderRequest;
import com.pixfino.server.providers.http.ProviderHttp;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a prediction (from a poll or a webhook) into what the job runner understands. */
final class ReplicatePrediction {

    // the tqdm progress lines in the logs, as Replicate's own clients read them: " 76%|███▌ | 7568/10000"
    private static final Pattern PROGRESS = Pattern.compile("(\\d{1,3})%\\s*\\|");

    private ReplicatePrediction() {}

    static ProviderPoll toPoll(JsonNode prediction, ProviderRequest request, PriceTable prices, ProviderHttp http) {
        String status = prediction.path("status").asText("");
        return switch (status) {
            case "starting", "processing" ->
                new ProviderPoll.Running(progress(prediction.path("logs").asText("")));
            case "succeeded" ->
                new ProviderPoll.Succeeded(
                        outputs(prediction.path("output"), request.kind()), cost(prediction, request, prices));
            case "failed" -> failed(prediction.path("error").asText("no reason given"));
            case "canceled" -> new ProviderPoll.Failed("canceled_at_provider", "The job was canceled at Replicate.");
            case "aborted" ->
                new ProviderPoll.Failed("aborted", "Replicate dropped the job before it started: its deadline passed.");
            default -> throw http.malformed();
        };
    }

    /** A model whose safety checker refused ("NSFW content detected") is a safety refusal, not a plain failure. */
    private static ProviderPoll.Failed failed(String error) {
        return new ProviderPoll.Failed(
                ProviderException.describesSafetyRefusal(error) ? ProviderException.SAFETY_REFUSAL : "provider_failed",
                "Replicate could not make this result: " + error);
    }

    static Integer progress(String logs) {
        Matcher matcher = PROGRESS.matcher(logs);
        Integer last = null;
        while (matcher.find()) {
            last = Math.min(100, Integer.parseInt(matcher.group(1)));
        }
        return last;
    }

    /** {@code output} is one URL or a list of them (or, for a few models, an object holding one). */
    private static List<ProviderPoll.Output> outputs(JsonNode output, MediaKind kind) {
        List<ProviderPoll.Output> outputs = new ArrayList<>();
        if (output.isTextual()) {
            add(outputs, output.asText(), kind);
        } else if (output.isArray() || output.isObject()) {
            output.forEach(item -> {
                if (item.isTextual()) {
                    add(outputs, item.asText(), kind);
                }
            });
        }
        return outputs;
    }

    private static void add(List<ProviderPoll.Output> outputs, String url, MediaKind kind) {
        if (url.startsWith("https://") || url.startsWith("http://")) {
            URI uri = URI.create(url);
            outputs.add(ProviderPoll.Output.at(uri, MediaTypes.guess(uri, kind)));
        }
    }

    private static BigDecimal cost(JsonNode prediction, ProviderRequest request, PriceTable prices) {
        JsonNode predictTime = prediction.path("metrics").path("predict_time");
        return prices.cost(request.model(), predictTime.isNumber() ? predictTime.decimalValue() : null);
    }
}
