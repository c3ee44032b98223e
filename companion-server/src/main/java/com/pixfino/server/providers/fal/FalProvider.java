package com.pixfino.server.providers.fal;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.model.MediaKind;
import com.pixfino.server.providers.DescribedProvider;
import com.pixfino.server.providers.InputImages;
import com.pixfino.server.providers.ProviderException;
import com.pixfino.server.providers.ProviderPoll;
import com.pixfino.server.providers.ProviderRequest;
import com.pixfino.server.providers.http.ProviderHttp;
import java.math.BigDecimal;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The fal.ai queue API: submit, status until COMPLETED, then the result; the job id is the request's URL (see {@link FalJobId}). */
public final class FalProvider extends DescribedProvider {

    public static final String NAME = "fal";
    static final String DEFAULT_IMAGE_MODEL = "fal-ai/flux-pro/kontext";
    static final String DEFAULT_VIDEO_MODEL = "fal-ai/kling-video/v2.1/standard/image-to-video";
    private static final Logger log = LoggerFactory.getLogger(FalProvider.class);

    private final FalSettings settings;
    private final ProviderHttp http;

    public FalProvider(FalSettings settings, ProviderHttp http) {
        super(NAME, DEFAULT_IMAGE_MODEL, DEFAULT_VIDEO_MODEL);
        this.settings = settings;
        this.http = http;
    }

    @Override
    public String submit(ProviderRequest request) {
        String imageUrl = InputImages.linkOrInline(request.input().get());
        HttpUrl.Builder target =
                HttpUrl.get(settings.queueUrl().toString()).newBuilder().addPathSegments(request.model());
        settings.webhookUrl().ifPresent(url -> target.addQueryParameter("fal_webhook", url.toString()));
        JsonNode submitted = http.send(authorized(target.build().toString())
                .post(http.json(FalInput.of(request, imageUrl, http.mapper())))
                .build());
        String jobId = FalJobId.of(settings.queueUrl(), request.model(), submitted);
        if (jobId == null) {
            throw http.malformed();
        }
        log.info(
                "event=provider_submitted provider=fal generation={} request={} model={} webhook={}",
                request.generationId(),
                submitted.path("request_id").asText(),
                request.model(),
                settings.webhookUrl().isPresent());
        return jobId;
    }

    @Override
    public ProviderPoll poll(String jobId, ProviderRequest request) {
        String resultUrl = FalJobId.resultUrl(settings.queueUrl(), jobId);
        JsonNode status =
                http.send(authorized(resultUrl + "/status?logs=1").get().build());
        switch (status.path("status").asText("")) {
            case "IN_QUEUE", "IN_PROGRESS":
                return new ProviderPoll.Running(null);
            case "COMPLETED":
                break;
            default:
                throw http.malformed();
        }
        String error = status.path("error").asText("");
        if (!error.isEmpty()) {
            return new ProviderPoll.Failed(
                    ProviderException.describesSafetyRefusal(error)
                            ? ProviderException.SAFETY_REFUSAL
                            : "provider_failed",
                    "fal.ai could not make this result: " + error);
        }
        // a request that failed inside the model answers its result URL with the model's HTTP error
        JsonNode result = http.send(authorized(resultUrl).get().build());
        if (FalResult.flaggedUnsafe(result)) {
            return new ProviderPoll.Failed(
                    ProviderException.SAFETY_REFUSAL,
                    "fal.ai's safety checker flagged the result as NSFW and blacked it out.");
        }
        List<ProviderPoll.Output> outputs = FalResult.outputs(result, request.kind());
        return new ProviderPoll.Succeeded(outputs, cost(request));
    }

    @Override
    public void cancel(String jobId) {
        http.send(authorized(FalJobId.resultUrl(settings.queueUrl(), jobId) + "/cancel")
                .put(RequestBody.create(new byte[0]))
                .build());
        log.info("event=provider_cancel_requested provider=fal request={}", jobId);
    }

    @Override
    public BigDecimal estimateCost(ProviderRequest request) {
        return cost(request);
    }

    /** fal bills video by the second of output, so the requested duration is what it charges for; an image is one unit. */
    private BigDecimal cost(ProviderRequest request) {
        int units =
                request.kind() == MediaKind.VIDEO && request.durationSeconds() != null ? request.durationSeconds() : 1;
        return settings.prices().cost(request.model(), BigDecimal.valueOf(units));
    }

    private Request.Builder authorized(String url) {
        return new Request.Builder().url(url).header("Authorization", "Key " + settings.key());
    }
}
