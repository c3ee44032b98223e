package com.pixfino.server.providers.openrouter;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.model.MediaKind;
import com.pixfino.server.providers.Capabilities;
import com.pixfino.server.providers.DescribedProvider;
import com.pixfino.server.providers.InputImages;
import com.pixfino.server.providers.ProviderException;
import com.pixfino.server.providers.ProviderPoll;
import com.pixfino.server.providers.ProviderRequest;
import com.pixfino.server.providers.http.ProviderHttp;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenRouter image models through chat completions, which answer synchronously with the picture.
 *
 * <p>Submit only names the job and the first poll makes the call: the answer (the image itself) then goes
 * straight through the job runner into our Storage, so nothing has to be kept between submit and poll and a
 * restarted server simply asks again for that generation. The alternative, calling in submit and storing
 * the answer, has the same crash window (paid call, answer not yet stored) and needs a place to keep it.
 */
public final class OpenRouterProvider extends DescribedProvider {

    public static final String NAME = "openrouter";
    static final String DEFAULT_IMAGE_MODEL = "google/gemini-2.5-flash-image";
    private static final String JOB_PREFIX = "openrouter:";
    private static final Logger log = LoggerFactory.getLogger(OpenRouterProvider.class);

    private final OpenRouterSettings settings;
    private final ProviderHttp http;

    public OpenRouterProvider(OpenRouterSettings settings, ProviderHttp http) {
        super(NAME, new Capabilities(EnumSet.of(MediaKind.IMAGE), true), Map.of(MediaKind.IMAGE, DEFAULT_IMAGE_MODEL));
        this.settings = settings;
        this.http = http;
    }

    @Override
    public String submit(ProviderRequest request) {
        return JOB_PREFIX + request.generationId();
    }

    @Override
    public ProviderPoll poll(String jobId, ProviderRequest request) {
        String imageUrl = InputImages.linkOrInline(request.input().get());
        HttpUrl url = HttpUrl.get(settings.baseUrl().toString())
                .newBuilder()
                .addPathSegments("chat/completions")
                .build();
        JsonNode answer;
        try {
            answer = http.send(new Request.Builder()
                    .url(url)
                    .header("Authorization", "Bearer " + settings.key())
                    .header("X-Title", "Pixfino Studio")
                    .post(http.json(OpenRouterRequest.body(request, imageUrl, http.mapper())))
                    .build());
        } catch (ProviderException e) {
            throw OpenRouterAnswer.named(e);
        }
        ProviderPoll result = OpenRouterAnswer.toPoll(answer, http);
        log.info(
                "event=provider_answered provider=openrouter generation={} model={} outcome={}",
                request.generationId(),
                request.model(),
                result.getClass().getSimpleName());
        return result;
    }

    @Override
    public void cancel(String jobId) {
        // nothing runs at OpenRouter between our calls; an answer arriving after a cancel is discarded by the job
    }

    @Override
    public BigDecimal estimateCost(ProviderRequest request) {
        // image models on OpenRouter cost about four cents a picture
        return new BigDecimal("0.04");
    }
}
