package com.pixfino.studio.core.net;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.PresetCategory;
import com.pixfino.model.api.AuthResponse;
import com.pixfino.model.api.CreateGenerationRequest;
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
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * What the studio asks of its companion server. Every call blocks: run it through the TaskExecutor.
 * A refusal by the server is a {@link CompanionApiException} carrying the server's sentence for people.
 */
public interface CompanionApi {

    /** The same server, acting for the holder of {@code token}. */
    CompanionApi withToken(String token);

    AuthResponse register(RegisterRequest request) throws IOException;

    AuthResponse login(LoginRequest request) throws IOException;

    /** Revokes the current token on the server. */
    void logout() throws IOException;

    UserView me() throws IOException;

    List<PresetView> presets() throws IOException;

    UploadView upload(Path photo, String contentType) throws IOException;

    /** {@code idempotencyKey}: the same key sent again returns the first generation and charges nothing. */
    GenerationAccepted createGeneration(CreateGenerationRequest request, String idempotencyKey) throws IOException;

    /** Newest first; {@code status} and {@code cursor} may be null. */
    Page<GenerationView> generations(GenerationStatus status, String cursor, int limit) throws IOException;

    GenerationView generation(UUID id) throws IOException;

    GenerationView cancel(UUID id) throws IOException;

    void delete(UUID id) throws IOException;

    /** Saves a generation's result (or its thumbnail) to {@code target}, never leaving a partial file there. */
    void download(UUID generationId, boolean thumbnail, Path target) throws IOException;

    Page<LedgerEntryView> ledger(String cursor, int limit) throws IOException;

    /**
     * Saves the zip of everything the server keeps about the user to {@code target}, never leaving a partial file
     * there. The server streams it without a size: {@code received} hears how many bytes have arrived so far.
     *
     * @return the size of the saved file
     */
    long exportData(Path target, LongConsumer received) throws IOException;

    /**
     * Deletes the account and all its data on the server; {@code password} is asked again. A wrong one is a
     * {@link CompanionApiException} with status 403 and code {@code wrong_password}, and nothing is deleted.
     */
    void deleteAccount(String password) throws IOException;

    /** The plans and credit packs on sale; items the server cannot sell say {@code purchasable:false}. */
    CatalogView billingCatalog() throws IOException;

    /**
     * Starts a Stripe Checkout for a plan or pack id, to open in the browser. Without billing configured: a
     * {@link CompanionApiException} 503 with code {@code billing_unavailable}; a plan for a user who already has one:
     * 409, whose sentence points to the billing portal.
     */
    CheckoutView checkout(String item) throws IOException;

    /** A Stripe billing portal session (card, plan changes, cancelling); 409 while the user has never paid. */
    PortalView billingPortal() throws IOException;

    /** The user's Stripe invoices, newest first; empty for one who never paid. */
    InvoiceList invoices() throws IOException;

    /** Creates an API key; the answer is the only time its full {@code key} is seen. 409 when too many are active. */
    CreatedApiKey createApiKey(CreateApiKeyRequest request) throws IOException;

    /** The user's active API keys (prefix only), newest first. */
    ApiKeyList apiKeys() throws IOException;

    /** Revokes an API key at once; 404 when it is not the user's or already revoked. */
    void revokeApiKey(UUID id) throws IOException;

    /** Registers an https endpoint for generation events; the answer is the only time its signing secret is seen. */
    CreatedWebhook createWebhook(CreateWebhookRequest request) throws IOException;

    /** The user's webhook endpoints, newest first, the disabled ones with their reason. */
    WebhookList webhooks() throws IOException;

    void deleteWebhook(UUID id) throws IOException;

    /** Queues a {@code ping} event to the endpoint. */
    WebhookPingAccepted pingWebhook(UUID id) throws IOException;

    /** The endpoint's latest delivery attempts, newest first. */
    WebhookDeliveryList webhookDeliveries(UUID id) throws IOException;

    /**
     * One page of the library's change feed after {@code cursor} (null: from the start); {@code limit} 1–1000.
     * Clients without library support (test doubles) answer an empty, final page.
     */
    default LibraryChanges libraryChanges(String cursor, int limit) throws IOException {
        return new LibraryChanges(null, null, null, null, cursor, false, false);
    }

    /** Changes a generation's favourite and tags; answers the new view. */
    default GenerationView patchGeneration(UUID id, LibraryPatch patch) throws IOException {
        throw new UnsupportedOperationException("This client cannot change library state");
    }

    /** Creates a collection; sending the same client-chosen id again answers the same collection. */
    default void createCollection(CollectionRequest request) throws IOException {
        throw new UnsupportedOperationException("This client cannot change collections");
    }

    default void renameCollection(UUID id, String name) throws IOException {
        throw new UnsupportedOperationException("This client cannot change collections");
    }

    default void deleteCollection(UUID id) throws IOException {
        throw new UnsupportedOperationException("This client cannot change collections");
    }

    default void collectionItems(UUID id, CollectionItemsRequest request) throws IOException {
        throw new UnsupportedOperationException("This client cannot change collections");
    }

    /**
     * Saves a preset's preview picture to {@code target}, never leaving a partial file there, unless the server says
     * the copy tagged {@code etag} (null: the studio has none) is current. Answers the saved picture's ETag, or empty
     * when the copy is current and {@code target} was not touched. A preset without a picture (yet) is a
     * {@link CompanionApiException} 404.
     */
    default Optional<String> downloadPresetThumbnail(long presetId, String etag, Path target) throws IOException {
        throw new UnsupportedOperationException("This client cannot download preset previews");
    }

    /** Downloads the small preview of one of the user's uploaded photos (the input of a generation). */
    default void downloadUploadThumbnail(UUID uploadId, Path target) throws IOException {
        throw new UnsupportedOperationException("This client cannot download photo previews");
    }

    /** The user's own styles, newest first. */
    default StyleList styles() throws IOException {
        return new StyleList(List.of());
    }

    /** Saves a new style (name and base preset required). */
    default StyleView createStyle(StyleRequest request) throws IOException {
        throw new UnsupportedOperationException("This client cannot save styles");
    }

    /** Changes the fields the request gives; answers the new view. */
    default StyleView updateStyle(UUID id, StyleRequest request) throws IOException {
        throw new UnsupportedOperationException("This client cannot change styles");
    }

    default void deleteStyle(UUID id) throws IOException {
        throw new UnsupportedOperationException("This client cannot delete styles");
    }

    /** The prompt library's examples, of one category or (null) of all. */
    default PromptList prompts(PresetCategory category) throws IOException {
        return new PromptList(List.of());
    }

    /** Opens the live stream of the user's status changes; closing it stops the stream. */
    Closeable events(GenerationEventListener listener);
}
