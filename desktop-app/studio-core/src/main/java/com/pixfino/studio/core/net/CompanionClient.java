package com.pixfino.studio.core.net;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.model.ApiPaths;
import com.pixfino.model.GenerationStatus;
import com.pixfino.model.PresetCategory;
import com.pixfino.model.api.AuthResponse;
import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.model.api.DeleteAccountRequest;
import com.pixfino.model.api.GenerationAccepted;
import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.model.api.LoginRequest;
import com.pixfino.model.api.Page;
import com.pixfino.model.api.PresetView;
import com.pixfino.model.api.RegisterRequest;
import com.pixfino.model.api.UploadView;
import com.pixfino.model.api.UserView;
import com.pixfino.model.api.apikeys.ApiKeyList;
import com.pixfino.model.api.apikeys.CreateApiKeyRequest;
import com.pixfino.model.api.apikeys.CreatedApiKey;
import com.pixfino.model.api.billing.CatalogView;
import com.pixfino.model.api.billing.CheckoutRequest;
import com.pixfino.model.api.billing.CheckoutView;
import com.pixfino.model.api.billing.InvoiceList;
import com.pixfino.model.api.billing.PortalView;
import com.pixfino.model.api.library.CollectionItemsRequest;
import com.pixfino.model.api.library.CollectionRequest;
import com.pixfino.model.api.library.LibraryChanges;
import com.pixfino.model.api.library.LibraryPatch;
import com.pixfino.model.api.styles.PromptList;
import com.pixfino.model.api.styles.StyleList;
import com.pixfino.model.api.styles.StyleRequest;
import com.pixfino.model.api.styles.StyleView;
import com.pixfino.model.api.webhooks.CreateWebhookRequest;
import com.pixfino.model.api.webhooks.CreatedWebhook;
import com.pixfino.model.api.webhooks.WebhookDeliveryList;
import com.pixfino.model.api.webhooks.WebhookList;
import com.pixfino.model.api.webhooks.WebhookPingAccepted;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongConsumer;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** HTTP client of one companion server, optionally signed in. Blocking: call it through the TaskExecutor. */
public final class CompanionClient implements CompanionApi {

    // Photos are up to 20 MB and results can be videos: transfers get longer limits than API calls.
    private static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(3);

    private final OkHttpClient http;
    private final ObjectMapper json;
    private final UiThreadGuard guard;
    private final ServerUrl server;
    private final HttpCalls calls;
    private final ApiRequests requests;

    public CompanionClient(OkHttpClient http, ObjectMapper json, UiThreadGuard guard, ServerUrl server) {
        this(http, json, guard, server, null);
    }

    private CompanionClient(OkHttpClient http, ObjectMapper json, UiThreadGuard guard, ServerUrl server, String token) {
        this.http = http;
        this.json = json;
        this.server = server;
        this.guard = guard;
        this.calls = new HttpCalls(http, json, guard);
        this.requests = new ApiRequests(calls, server, token);
    }

    public ServerUrl server() {
        return server;
    }

    @Override
    public CompanionClient withToken(String newToken) {
        return new CompanionClient(http, json, guard, server, newToken);
    }

    /** The same signed-in requests for routes outside {@link CompanionApi}: the admin mode's clients use them. */
    public ApiRequests requests() {
        return requests;
    }

    /** GET /health; a 503 still carries a {@link HealthStatus} (the server is up, its database is not). */
    public HealthStatus health() throws IOException {
        guard.refuse("CompanionClient");
        Request request =
                new Request.Builder().url(server.resolve("health")).get().build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() != 200 && response.code() != 503) {
                throw new CompanionHttpException(response.code(), "GET /health answered HTTP " + response.code());
            }
            return parseHealth(response);
        }
    }

    @Override
    public AuthResponse register(RegisterRequest body) throws IOException {
        return calls.call(request(ApiPaths.REGISTER).post(calls.jsonBody(body)).build(), AuthResponse.class);
    }

    @Override
    public AuthResponse login(LoginRequest body) throws IOException {
        return calls.call(request(ApiPaths.LOGIN).post(calls.jsonBody(body)).build(), AuthResponse.class);
    }

    @Override
    public void logout() throws IOException {
        calls.call(
                request(ApiPaths.LOGOUT)
                        .post(RequestBody.create(new byte[0], null))
                        .build(),
                Void.class);
    }

    @Override
    public UserView me() throws IOException {
        return calls.call(request(ApiPaths.ME).get().build(), UserView.class);
    }

    @Override
    public List<PresetView> presets() throws IOException {
        return calls.call(request(ApiPaths.PRESETS).get().build(), new TypeReference<List<PresetView>>() {});
    }

    @Override
    public UploadView upload(Path photo, String contentType) throws IOException {
        RequestBody file = RequestBody.create(photo.toFile(), MediaType.get(contentType));
        MultipartBody body = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart("file", photo.getFileName().toString(), file)
                .build();
        Request request = request(ApiPaths.UPLOADS).post(body).build();
        return calls.call(transfers(), request, json.constructType(UploadView.class));
    }

    @Override
    public GenerationAccepted createGeneration(CreateGenerationRequest body, String idempotencyKey) throws IOException {
        Request.Builder request = request(ApiPaths.GENERATIONS).post(calls.jsonBody(body));
        if (idempotencyKey != null) {
            request.header(ApiPaths.IDEMPOTENCY_KEY_HEADER, idempotencyKey);
        }
        return calls.call(request.build(), GenerationAccepted.class);
    }

    @Override
    public Page<GenerationView> generations(GenerationStatus status, String cursor, int limit) throws IOException {
        HttpUrl.Builder url =
                url(ApiPaths.GENERATIONS).newBuilder().addQueryParameter("limit", Integer.toString(limit));
        if (status != null) {
            url.addQueryParameter("status", status.name());
        }
        if (cursor != null) {
            url.addQueryParameter("cursor", cursor);
        }
        return calls.call(authorized(url.build()).get().build(), new TypeReference<Page<GenerationView>>() {});
    }

    @Override
    public GenerationView generation(UUID id) throws IOException {
        return calls.call(request(withId(ApiPaths.GENERATION, id)).get().build(), GenerationView.class);
    }

    @Override
    public GenerationView cancel(UUID id) throws IOException {
        Request request = request(withId(ApiPaths.GENERATION_CANCEL, id))
                .post(RequestBody.create(new byte[0], null))
                .build();
        return calls.call(request, GenerationView.class);
    }

    @Override
    public void delete(UUID id) throws IOException {
        calls.call(request(withId(ApiPaths.GENERATION, id)).delete().build(), Void.class);
    }

    @Override
    public void download(UUID generationId, boolean thumbnail, Path target) throws IOException {
        String path = withId(thumbnail ? ApiPaths.GENERATION_THUMBNAIL : ApiPaths.GENERATION_OUTPUT, generationId);
        calls.download(transfers(), request(path).get().build(), target);
    }

    @Override
    public Optional<String> downloadPresetThumbnail(long presetId, String etag, Path target) throws IOException {
        Request.Builder request = request(ApiPaths.PRESET_THUMBNAIL.replace("{id}", Long.toString(presetId)))
                .get();
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return Optional.ofNullable(calls.downloadIfChanged(transfers(), request.build(), target));
    }

    @Override
    public void downloadUploadThumbnail(UUID uploadId, Path target) throws IOException {
        calls.download(
                transfers(),
                request(withId(ApiPaths.UPLOAD_THUMBNAIL, uploadId)).get().build(),
                target);
    }

    @Override
    public StyleList styles() throws IOException {
        return calls.call(request(ApiPaths.STYLES).get().build(), StyleList.class);
    }

    @Override
    public StyleView createStyle(StyleRequest request) throws IOException {
        return calls.call(request(ApiPaths.STYLES).post(calls.jsonBody(request)).build(), StyleView.class);
    }

    @Override
    public StyleView updateStyle(UUID id, StyleRequest request) throws IOException {
        return calls.call(
                request(withId(ApiPaths.STYLE, id))
                        .patch(calls.jsonBody(request))
                        .build(),
                StyleView.class);
    }

    @Override
    public void deleteStyle(UUID id) throws IOException {
        calls.call(request(withId(ApiPaths.STYLE, id)).delete().build(), Void.class);
    }

    @Override
    public PromptList prompts(PresetCategory category) throws IOException {
        HttpUrl.Builder url = url(ApiPaths.PROMPTS).newBuilder();
        if (category != null) {
            url.addQueryParameter("category", category.name());
        }
        return calls.call(authorized(url.build()).get().build(), PromptList.class);
    }

    @Override
    public Page<LedgerEntryView> ledger(String cursor, int limit) throws IOException {
        HttpUrl.Builder url = url(ApiPaths.LEDGER).newBuilder().addQueryParameter("limit", Integer.toString(limit));
        if (cursor != null) {
            url.addQueryParameter("cursor", cursor);
        }
        return calls.call(authorized(url.build()).get().build(), new TypeReference<Page<LedgerEntryView>>() {});
    }

    @Override
    public long exportData(Path target, LongConsumer received) throws IOException {
        // a large account takes as long as it takes: no limit on the whole call, only on silence
        OkHttpClient export = http.newBuilder()
                .callTimeout(Duration.ZERO)
                .readTimeout(Duration.ofSeconds(120))
                .build();
        return calls.download(export, request(ApiPaths.ME_EXPORT).get().build(), target, received);
    }

    @Override
    public void deleteAccount(String password) throws IOException {
        calls.call(
                request(ApiPaths.ME)
                        .delete(calls.jsonBody(new DeleteAccountRequest(password)))
                        .build(),
                Void.class);
    }

    @Override
    public CatalogView billingCatalog() throws IOException {
        return calls.call(request(ApiPaths.BILLING_CATALOG).get().build(), CatalogView.class);
    }

    @Override
    public CheckoutView checkout(String item) throws IOException {
        return calls.call(
                request(ApiPaths.BILLING_CHECKOUT)
                        .post(calls.jsonBody(new CheckoutRequest(item)))
                        .build(),
                CheckoutView.class);
    }

    @Override
    public PortalView billingPortal() throws IOException {
        // "{}" rather than no body: a server that reads one finds it, one that does not ignores it
        return calls.call(
                request(ApiPaths.BILLING_PORTAL).post(calls.jsonBody(Map.of())).build(), PortalView.class);
    }

    @Override
    public InvoiceList invoices() throws IOException {
        return calls.call(request(ApiPaths.BILLING_INVOICES).get().build(), InvoiceList.class);
    }

    @Override
    public CreatedApiKey createApiKey(CreateApiKeyRequest body) throws IOException {
        return calls.call(request(ApiPaths.API_KEYS).post(calls.jsonBody(body)).build(), CreatedApiKey.class);
    }

    @Override
    public ApiKeyList apiKeys() throws IOException {
        return calls.call(request(ApiPaths.API_KEYS).get().build(), ApiKeyList.class);
    }

    @Override
    public void revokeApiKey(UUID id) throws IOException {
        calls.call(request(withId(ApiPaths.API_KEY, id)).delete().build(), Void.class);
    }

    @Override
    public CreatedWebhook createWebhook(CreateWebhookRequest body) throws IOException {
        return calls.call(request(ApiPaths.WEBHOOKS).post(calls.jsonBody(body)).build(), CreatedWebhook.class);
    }

    @Override
    public WebhookList webhooks() throws IOException {
        return calls.call(request(ApiPaths.WEBHOOKS).get().build(), WebhookList.class);
    }

    @Override
    public void deleteWebhook(UUID id) throws IOException {
        calls.call(request(withId(ApiPaths.WEBHOOK, id)).delete().build(), Void.class);
    }

    @Override
    public WebhookPingAccepted pingWebhook(UUID id) throws IOException {
        return calls.call(
                request(withId(ApiPaths.WEBHOOK_TEST, id))
                        .post(calls.jsonBody(Map.of()))
                        .build(),
                WebhookPingAccepted.class);
    }

    @Override
    public WebhookDeliveryList webhookDeliveries(UUID id) throws IOException {
        return calls.call(request(withId(ApiPaths.WEBHOOK_DELIVERIES, id)).get().build(), WebhookDeliveryList.class);
    }

    @Override
    public LibraryChanges libraryChanges(String cursor, int limit) throws IOException {
        HttpUrl.Builder url =
                url(ApiPaths.LIBRARY_CHANGES).newBuilder().addQueryParameter("limit", Integer.toString(limit));
        if (cursor != null) {
            url.addQueryParameter("cursor", cursor);
        }
        return calls.call(authorized(url.build()).get().build(), LibraryChanges.class);
    }

    @Override
    public GenerationView patchGeneration(UUID id, LibraryPatch patch) throws IOException {
        return calls.call(
                request(withId(ApiPaths.GENERATION, id))
                        .patch(calls.jsonBody(patch))
                        .build(),
                GenerationView.class);
    }

    @Override
    public void createCollection(CollectionRequest request) throws IOException {
        calls.call(request(ApiPaths.COLLECTIONS).post(calls.jsonBody(request)).build(), Void.class);
    }

    @Override
    public void renameCollection(UUID id, String name) throws IOException {
        calls.call(
                request(withId(ApiPaths.COLLECTION, id))
                        .patch(calls.jsonBody(Map.of("name", name)))
                        .build(),
                Void.class);
    }

    @Override
    public void deleteCollection(UUID id) throws IOException {
        calls.call(request(withId(ApiPaths.COLLECTION, id)).delete().build(), Void.class);
    }

    @Override
    public void collectionItems(UUID id, CollectionItemsRequest request) throws IOException {
        calls.call(
                request(withId(ApiPaths.COLLECTION_ITEMS, id))
                        .post(calls.jsonBody(request))
                        .build(),
                Void.class);
    }

    @Override
    public Closeable events(GenerationEventListener listener) {
        return GenerationEventStream.open(
                http, json, authorized(url(ApiPaths.EVENTS)).build(), listener);
    }

    private OkHttpClient transfers() {
        return http.newBuilder()
                .callTimeout(TRANSFER_TIMEOUT)
                .readTimeout(Duration.ofSeconds(60))
                .writeTimeout(Duration.ofSeconds(60))
                .build();
    }

    private Request.Builder request(String apiPath) {
        return authorized(url(apiPath));
    }

    private Request.Builder authorized(HttpUrl url) {
        return requests.authorized(url);
    }

    private HttpUrl url(String apiPath) {
        return requests.url(apiPath);
    }

    private static String withId(String apiPath, UUID id) {
        return apiPath.replace("{id}", id.toString());
    }

    private HealthStatus parseHealth(Response response) throws IOException {
        String body = response.body().string();
        HealthStatus status;
        try {
            status = json.readValue(body, HealthStatus.class);
        } catch (JacksonException e) {
            throw new CompanionHttpException(response.code(), "GET /health answered something that is not JSON");
        }
        if (status == null || status.status() == null) {
            throw new CompanionHttpException(response.code(), "GET /health answered without a status");
        }
        return status;
    }
}
