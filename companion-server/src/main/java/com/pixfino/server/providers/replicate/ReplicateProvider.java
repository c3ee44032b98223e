package com.pixfino.server.providers.replicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pixfino.server.providers.DescribedProvider;
import com.pixfino.server.providers.InputImages;
import com.pixfino.server.providers.PriceTable;
import com.pixfino.server.providers.ProviderPoll;
import com.pixfino.server.providers.ProviderRequest;
import com.pixfino.server.providers.http.ProviderHttp;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Replicate predictions API. The job id is the prediction id: polling and cancelling need nothing
 * else, so a restarted server picks the same prediction up again.
 */
public final class ReplicateProvider extends DescribedProvider {

    public static final String NAME = "replicate";
    static final String DEFAULT_IMAGE_MODEL = "black-forest-labs/flux-kontext-pro";
    static final String DEFAULT_VIDEO_MODEL = "kwaivgi/kling-v2.1";
    private static final Pattern PREDICTION_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Logger log = LoggerFactory.getLogger(ReplicateProvider.class);

    private final ReplicateSettings settings;
    private final ProviderHttp http;
    private final ReplicateFiles files;
    private final Duration cancelAfter;

    /** @param cancelAfter Replicate stops (and stops billing) a prediction still running this long after creation */
    public ReplicateProvider(ReplicateSettings settings, ProviderHttp http, Duration cancelAfter) {
        super(NAME, DEFAULT_IMAGE_MODEL, DEFAULT_VIDEO_MODEL);
        this.settings = settings;
        this.http = http;
        this.files = new ReplicateFiles(http, this::url, this::authorized);
        this.cancelAfter = cancelAfter;
    }

    @Override
    public String submit(ProviderRequest request) {
        ProviderRequest.InputImage image = request.input().get();
        String imageUrl = InputImages.fitsInline(image)
                ? InputImages.dataUrl(image)
                : files.upload(image, request.generationId());
        ObjectNode body = http.mapper().createObjectNode();
        body.set("input", ReplicateInput.of(request, imageUrl, http.mapper()));
        String model = request.model();
        HttpUrl target;
        int colon = model.indexOf(':');
        if (colon > 0) {
            // a pinned version goes to the generic endpoint; official models have their own
            body.put("version", model.substring(colon + 1));
            target = url("v1/predictions");
        } else {
            target = url("v1/models/" + model + "/predictions");
        }
        settings.webhookUrl().ifPresent(url -> {
            body.put("webhook", url.toString());
            body.putArray("webhook_events_filter").add("completed");
        });
        JsonNode prediction = http.send(authorized(target)
                .header("Cancel-After", cancelAfter.toSeconds() + "s")
                .post(http.json(body))
                .build());
        String id = prediction.path("id").asText("");
        if (!PREDICTION_ID.matcher(id).matches()) {
            throw http.malformed();
        }
        log.info(
                "event=provider_submitted provider=replicate generation={} prediction={} model={} webhook={}",
                request.generationId(),
                id,
                model,
                settings.webhookUrl().isPresent());
        return id;
    }

    @Override
    public ProviderPoll poll(String jobId, ProviderRequest request) {
        JsonNode prediction =
                http.send(authorized(url("v1/predictions/" + jobId)).get().build());
        return ReplicatePrediction.toPoll(prediction, request, settings.prices(), http);
    }

    @Override
    public void cancel(String jobId) {
        http.send(authorized(url("v1/predictions/" + jobId + "/cancel"))
                .post(RequestBody.create(new byte[0]))
                .build());
        log.info("event=provider_cancel_requested provider=replicate prediction={}", jobId);
    }

    @Override
    public BigDecimal estimateCost(ProviderRequest request) {
        PriceTable.Price price = settings.prices().priceOf(request.model());
        // a per-second model is estimated at a typical 10 s of predict time
        return price.unit() == PriceTable.Unit.RUN ? price.usd() : price.usd().multiply(BigDecimal.TEN);
    }

    private HttpUrl url(String path) {
        HttpUrl base = HttpUrl.get(settings.baseUrl().toString());
        return base.newBuilder().addPathSegments(path).build();
    }

    private Request.Builder authorized(HttpUrl url) {
        return new Request.Builder().url(url).header("Authorization", "Bearer " + settings.token());
    }
}
