package com.pixfino.server.providers.replicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.server.providers.ProviderRequest;
import com.pixfino.server.providers.http.ProviderHttp;
import java.util.UUID;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;

/** Replicate's file upload ({@code POST /v1/files}), for photos too large to send inline. */
final class ReplicateFiles {

    private final ProviderHttp http;
    private final Function<String, HttpUrl> url;
    private final Function<HttpUrl, Request.Builder> authorized;

    ReplicateFiles(ProviderHttp http, Function<String, HttpUrl> url, Function<HttpUrl, Request.Builder> authorized) {
        this.http = http;
        this.url = url;
        this.authorized = authorized;
    }

    /** Uploads the photo and returns the URL a prediction input may name. */
    String upload(ProviderRequest.InputImage image, UUID generationId) {
        String extension = image.contentType().endsWith("png") ? ".png" : ".jpg";
        RequestBody body = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart(
                        "content",
                        "input-" + generationId + extension,
                        RequestBody.create(image.bytes(), MediaType.get(image.contentType())))
                .addFormDataPart("metadata", "{\"generation\":\"" + generationId + "\"}")
                .build();
        JsonNode file =
                http.send(authorized.apply(url.apply("v1/files")).post(body).build());
        String get = file.path("urls").path("get").asText("");
        if (!get.startsWith("http")) {
            throw http.malformed();
        }
        return get;
    }
}
