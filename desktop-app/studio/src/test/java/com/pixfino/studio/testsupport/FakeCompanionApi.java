package com.pixfino.studio.testsupport;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.LedgerKind;
import com.pixfino.model.Role;
import com.pixfino.model.Tier;
import com.pixfino.model.api.AuthResponse;
import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.model.api.ErrorBody;
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
import com.pixfino.model.api.apikeys.ApiKeyView;
import com.pixfino.model.api.apikeys.CreateApiKeyRequest;
import com.pixfino.model.api.apikeys.CreatedApiKey;
import com.pixfino.model.api.billing.BalanceEvent;
import com.pixfino.model.api.billing.CatalogView;
import com.pixfino.model.api.billing.CheckoutView;
import com.pixfino.model.api.billing.InvoiceList;
import com.pixfino.model.api.billing.InvoiceView;
import com.pixfino.model.api.billing.PackView;
import com.pixfino.model.api.billing.PlanView;
import com.pixfino.model.api.billing.PortalView;
import com.pixfino.model.api.billing.SubscriptionView;
import com.pixfino.model.api.webhooks.CreateWebhookRequest;
import com.pixfino.model.api.webhooks.CreatedWebhook;
import com.pixfino.model.api.webhooks.WebhookDeliveryList;
import com.pixfino.model.api.webhooks.WebhookDeliveryView;
import com.pixfino.model.api.webhooks.WebhookList;
import com.pixfino.model.api.webhooks.WebhookPingAccepted;
import com.pixfino.model.api.webhooks.WebhookView;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.core.net.GenerationEventListener;
import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * An in-memory companion server for view-model tests: one user, the test presets, charging and refunding
 * like the real one (idempotency keys included), and switches for an unreachable server.
 */
public final class FakeCompanionApi implements CompanionApi {

    public static final String TOKEN = "token-1";
    public static final byte[] JPEG_BYTES = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3};

    public UserView user = new UserView(
            UUID.fromString("00000000-0000-0000-0000-0000000000a1"), "ana@example.com", "Ana", Role.USER, Tier.FREE, 5);
    public String password = "Sunset-Lake-42";
    public List<PresetView> presets = new ArrayList<>(TestPresets.all());
    public final Map<UUID, GenerationView> generations = new LinkedHashMap<>();
    public final Map<String, UUID> idempotencyKeys = new HashMap<>();
    public final List<String> sentKeys = new ArrayList<>();
    /** Every create request as sent (Use again: which upload, format and seed it asked for). */
    public final List<CreateGenerationRequest> createRequests = new ArrayList<>();
    /** Uploads the server no longer keeps: creating from one answers 404, before any charge. */
    public final java.util.Set<UUID> expiredUploads = new java.util.HashSet<>();

    public final List<LedgerEntryView> ledger = new ArrayList<>();
    public final List<GenerationEventListener> listeners = new ArrayList<>();
    /** What downloads deliver: the result file and its thumbnail. */
    public byte[] outputBytes = JPEG_BYTES;

    public byte[] thumbnailBytes = JPEG_BYTES;
    public int uploads;
    public int logouts;
    public int closedStreams;
    /** What an export delivers. */
    public byte[] exportBytes = "PK\u0005\u0006 an empty zip".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    /** Set once the account was deleted: the token no longer works. */
    public boolean accountDeleted;
    /** When set, every call fails as if the server were down. */
    public boolean unreachable;
    /** When set, the next createGeneration is charged but its answer is lost on the way back. */
    public boolean loseNextCreateAnswer;
    /** Refusals the next createGeneration calls answer with, before anything is charged (a 503, a 402). */
    public final java.util.Deque<IOException> createFailures = new java.util.ArrayDeque<>();

    private OffsetDateTime clock = OffsetDateTime.of(2026, 11, 20, 10, 0, 0, 0, ZoneOffset.UTC);

    public FakeCompanionApi() {
        ledger.add(new LedgerEntryView(1, LedgerKind.GRANT, 5, 5, "Free tier monthly credits", "tier:FREE", clock));
    }

    @Override
    public CompanionApi withToken(String token) {
        return this;
    }

    @Override
    public AuthResponse register(RegisterRequest request) throws IOException {
        reachable();
        if (request.password().length() < 10) {
            throw new CompanionApiException(
                    400, "weak_password", "The password is too short: use at least 10 characters.");
        }
        user = new UserView(
                user.id(), request.email(), request.name() == null ? "ana" : request.name(), Role.USER, Tier.FREE, 5);
        password = request.password();
        return new AuthResponse(TOKEN, user);
    }

    @Override
    public AuthResponse login(LoginRequest request) throws IOException {
        reachable();
        if (!request.email().equals(user.email()) || !request.password().equals(password)) {
            throw new CompanionApiException(401, "unauthorized", "The email or password is wrong.");
        }
        return new AuthResponse(TOKEN, user);
    }

    @Override
    public void logout() throws IOException {
        reachable();
        logouts++;
    }

    @Override
    public UserView me() throws IOException {
        reachable();
        signedIn();
        return user;
    }

    @Override
    public List<PresetView> presets() throws IOException {
        reachable();
        return List.copyOf(presets);
    }

    @Override
    public UploadView upload(Path photo, String contentType) throws IOException {
        reachable();
        uploads++;
        return new UploadView(UUID.randomUUID(), 1600, 1200, contentType, "data:");
    }

    @Override
    public GenerationAccepted createGeneration(CreateGenerationRequest request, String key) throws IOException {
        reachable();
        sentKeys.add(key);
        createRequests.add(request);
        if (expiredUploads.contains(request.uploadId())) {
            throw new CompanionApiException(404, "not_found", "Upload " + request.uploadId() + " was not found.");
        }
        if (!createFailures.isEmpty()) {
            throw createFailures.pop();
        }
        UUID existing = key == null ? null : idempotencyKeys.get(key);
        if (existing != null) {
            GenerationView view = generations.get(existing);
            return new GenerationAccepted(view.id(), view.status(), view.creditsCharged());
        }
        PresetView preset = presets.stream()
                .filter(p -> p.id() == request.presetId())
                .findFirst()
                .orElseThrow();
        if (preset.pro() && !user.tier().isPaid()) {
            throw new CompanionApiException(
                    403,
                    "pro_preset",
                    "'" + preset.name() + "' is a PRO preset: upgrade to Starter or above to use it.");
        }
        if (user.credits() < preset.credits()) {
            throw new CompanionApiException(
                    402, "insufficient_credits", "Not enough credits: this costs " + preset.credits() + ".");
        }
        UUID id = UUID.randomUUID();
        charge(-preset.credits(), LedgerKind.DEBIT, "Generation: " + preset.name());
        GenerationView view = new GenerationView(
                id,
                preset.id(),
                preset.name(),
                preset.kind(),
                GenerationStatus.PENDING,
                preset.credits(),
                false,
                request.prompt(),
                request.uploadId(),
                "local",
                "recipe",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                tick(),
                null,
                null,
                false,
                List.of(),
                List.of(),
                1,
                clock, // changed when created: one instant, as on the server
                request.aspectRatio() == null ? "1:1" : request.aspectRatio(),
                request.seed() == null ? 42L : request.seed(),
                request.groupId(),
                request.styleId(),
                1);
        generations.put(id, view);
        if (key != null) {
            idempotencyKeys.put(key, id);
        }
        if (loseNextCreateAnswer) {
            loseNextCreateAnswer = false;
            throw new java.net.SocketTimeoutException("timeout");
        }
        return new GenerationAccepted(id, GenerationStatus.PENDING, preset.credits());
    }

    /** An admin's adjustment: the balance becomes {@code credits}. */
    public void setCredits(int credits) {
        charge(credits - user.credits(), LedgerKind.ADJUSTMENT, "test setup");
    }

    /** The job runner's side: finish a generation with a result. */
    public GenerationView complete(UUID id) {
        GenerationView g = generations.get(id);
        GenerationView done = ended(g, GenerationStatus.COMPLETED, null);
        generations.put(id, done);
        return done;
    }

    /** The job runner's side: fail a generation and refund it. */
    public GenerationView fail(UUID id, String reason) {
        GenerationView g = generations.get(id);
        charge(g.creditsCharged(), LedgerKind.REFUND, "Refund: generation failed");
        GenerationView failed = ended(g, GenerationStatus.FAILED, new ErrorBody.Detail("failed", reason));
        generations.put(id, failed);
        return failed;
    }

    /** {@code g} as the job runner ends it: completed with its files, or refunded with {@code error}. */
    private GenerationView ended(GenerationView g, GenerationStatus status, ErrorBody.Detail error) {
        boolean completed = status == GenerationStatus.COMPLETED;
        String base = "/api/v1/generations/" + g.id();
        String contentType = g.kind() == com.pixfino.model.MediaKind.VIDEO ? "video/mp4" : "image/jpeg";
        return new GenerationView(
                g.id(),
                g.presetId(),
                g.presetName(),
                g.kind(),
                status,
                g.creditsCharged(),
                !completed,
                g.prompt(),
                g.uploadId(),
                g.provider(),
                g.model(),
                error,
                completed ? base + "/output" : null,
                completed ? contentType : null,
                completed ? base + "/thumbnail" : null,
                completed ? 800 : null,
                completed ? 1000 : null,
                null,
                g.createdAt(),
                g.createdAt(),
                tick(),
                g.favorite(),
                g.tags(),
                g.collectionIds(),
                g.version() + 1,
                clock, // changed when it ended
                g.aspectRatio(),
                g.seed(),
                g.groupId(),
                g.styleId(),
                g.presetVersion());
    }

    @Override
    public Page<GenerationView> generations(GenerationStatus status, String cursor, int limit) throws IOException {
        reachable();
        List<GenerationView> matching = generations.values().stream()
                .filter(g -> status == null || g.status() == status)
                .sorted(Comparator.comparing(GenerationView::createdAt).reversed())
                .toList();
        return new Page<>(matching, null);
    }

    @Override
    public GenerationView generation(UUID id) throws IOException {
        reachable();
        GenerationView view = generations.get(id);
        if (view == null) {
            throw new CompanionApiException(404, "not_found", "Generation " + id + " was not found.");
        }
        return view;
    }

    @Override
    public GenerationView cancel(UUID id) throws IOException {
        GenerationView g = generation(id);
        charge(g.creditsCharged(), LedgerKind.REFUND, "Refund: generation canceled");
        GenerationView canceled = ended(
                g,
                GenerationStatus.CANCELED,
                new ErrorBody.Detail("canceled", "Canceled before it finished; the credits were refunded."));
        generations.put(id, canceled);
        return canceled;
    }

    @Override
    public void delete(UUID id) throws IOException {
        generation(id);
        generations.remove(id);
    }

    /** Preset pictures by preset id (real JPEG bytes where a test shows them); a preset without one answers 404. */
    public final Map<Long, byte[]> presetPictures = new HashMap<>();
    /** Pictures sent whole (a current copy the studio asks about costs a 304, not counted). */
    public int presetPicturesSent;

    @Override
    public java.util.Optional<String> downloadPresetThumbnail(long presetId, String etag, Path target)
            throws IOException {
        reachable();
        byte[] bytes = presetPictures.get(presetId);
        if (bytes == null) {
            throw new CompanionApiException(404, "not_found", "Preset " + presetId + " was not found.");
        }
        String tag = "\"" + java.util.HexFormat.of().formatHex(sha256(bytes)) + "\"";
        if (tag.equals(etag)) {
            return java.util.Optional.empty();
        }
        presetPicturesSent++;
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
        return java.util.Optional.of(tag);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void download(UUID generationId, boolean thumbnail, Path target) throws IOException {
        generation(generationId);
        Files.createDirectories(target.getParent());
        Files.write(target, thumbnail ? thumbnailBytes : outputBytes);
    }

    @Override
    public Page<LedgerEntryView> ledger(String cursor, int limit) throws IOException {
        reachable();
        List<LedgerEntryView> newestFirst = new ArrayList<>(ledger);
        java.util.Collections.reverse(newestFirst);
        return new Page<>(newestFirst, null);
    }

    @Override
    public long exportData(Path target, LongConsumer received) throws IOException {
        reachable();
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.write(target, exportBytes);
        received.accept(exportBytes.length);
        return exportBytes.length;
    }

    @Override
    public void deleteAccount(String typedPassword) throws IOException {
        reachable();
        signedIn();
        if (!password.equals(typedPassword)) {
            throw new CompanionApiException(
                    403,
                    "wrong_password",
                    "The password is wrong, so nothing was deleted. Enter the password you sign in with.");
        }
        accountDeleted = true;
    }

    @Override
    public Closeable events(GenerationEventListener listener) {
        listeners.add(listener);
        return () -> {
            listeners.remove(listener);
            closedStreams++;
        };
    }

    // ---------- billing (issue 10): catalogue, checkout, portal, invoices, and the test's "browser" ----------

    /** The server's default catalogue; {@link #billingConfigured} false sells nothing, as without a Stripe key. */
    public List<PlanView> plans = new ArrayList<>(List.of(
            new PlanView("free", "Free", "0.00", 5, false),
            new PlanView("starter", "Starter", "9.99", 40, true),
            new PlanView("pro", "Pro", "29.99", 120, true),
            new PlanView("business", "Business", "79.99", 350, true)));

    public List<PackView> packs = new ArrayList<>(List.of(
            new PackView("pack-20", 20, "4.99", true),
            new PackView("pack-50", 50, "11.99", true),
            new PackView("pack-110", 110, "24.99", true),
            new PackView("pack-240", 240, "49.99", true)));
    /** False: checkout, portal and invoices answer 503 billing_unavailable and nothing is purchasable. */
    public boolean billingConfigured = true;
    /** True: billing is configured but Stripe cannot be reached, so checkout, portal and invoices answer 503 stripe_unavailable. */
    public boolean stripeDown;
    // below this balance /me says lowBalance (the server's default is 8); 0: never, so other tests see no alert
    private int lowCreditThreshold;
    /** The items checkouts were started for, in order. */
    public final List<String> checkouts = new ArrayList<>();

    public final List<InvoiceView> invoices = new ArrayList<>();
    /** Set by the first checkout, as the server creates the Stripe customer then; the portal needs one. */
    public boolean billingCustomer;

    public int portalSessions;
    private String openCheckout;

    @Override
    public CatalogView billingCatalog() throws IOException {
        reachable();
        signedIn();
        return new CatalogView(
                plans.stream()
                        .map(p -> new PlanView(
                                p.id(),
                                p.name(),
                                p.priceUsd(),
                                p.monthlyCredits(),
                                p.purchasable() && billingConfigured))
                        .toList(),
                packs.stream()
                        .map(p -> new PackView(p.id(), p.credits(), p.priceUsd(), p.purchasable() && billingConfigured))
                        .toList());
    }

    @Override
    public CheckoutView checkout(String item) throws IOException {
        reachable();
        signedIn();
        billingAvailable();
        boolean plan = plans.stream().anyMatch(p -> p.id().equals(item) && p.purchasable());
        boolean pack = packs.stream().anyMatch(p -> p.id().equals(item) && p.purchasable());
        if (!plan && !pack) {
            throw new CompanionApiException(400, "unknown_item", "item: there is no plan or pack '" + item + "'.");
        }
        if (plan && user.subscription() != null) {
            throw new CompanionApiException(
                    409,
                    "subscription_exists",
                    "You already have a subscription: change or cancel your plan in the billing portal (Manage"
                            + " billing).");
        }
        billingCustomer = true;
        checkouts.add(item);
        openCheckout = item;
        String id = "cs_test_" + checkouts.size();
        return new CheckoutView(id, "https://checkout.stripe.test/c/pay/" + id);
    }

    @Override
    public PortalView billingPortal() throws IOException {
        reachable();
        signedIn();
        billingAvailable();
        if (!billingCustomer) {
            throw new CompanionApiException(
                    409,
                    "no_billing_account",
                    "There is nothing to manage yet: buy a plan or a credit pack first, then the billing portal shows"
                            + " it.");
        }
        portalSessions++;
        return new PortalView("https://billing.stripe.test/p/session/test_" + portalSessions);
    }

    @Override
    public InvoiceList invoices() throws IOException {
        reachable();
        signedIn();
        billingAvailable();
        List<InvoiceView> newestFirst = new ArrayList<>(invoices);
        java.util.Collections.reverse(newestFirst);
        return new InvoiceList(newestFirst);
    }

    /**
     * What Stripe and the webhook do once the buyer pays the last checkout in the browser: a pack's credits or a
     * plan's first month land, an invoice is kept, and the balance event goes out on the event stream.
     */
    public void completeCheckout() {
        String item = openCheckout;
        openCheckout = null;
        PackView pack =
                packs.stream().filter(p -> p.id().equals(item)).findFirst().orElse(null);
        if (pack != null) {
            charge(pack.credits(), LedgerKind.PURCHASE, "Credit pack: " + pack.credits() + " credits");
            invoices.add(invoice(pack.priceUsd()));
            pushBalance("purchase");
            return;
        }
        PlanView plan = plans.stream()
                .filter(p -> p.id().equals(item))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no checkout is open"));
        SubscriptionView subscription =
                new SubscriptionView(plan.id(), "active", clock.plusDays(30).toInstant(), false);
        user = billingUser(Tier.valueOf(plan.id().toUpperCase(java.util.Locale.ROOT)), user.credits(), subscription);
        charge(plan.monthlyCredits(), LedgerKind.GRANT, plan.name() + " plan: monthly credits");
        invoices.add(invoice(plan.priceUsd()));
        pushBalance("grant");
    }

    /** Stripe could not renew the plan: {@code /me} says past_due. */
    public void renewalFailed() {
        SubscriptionView s = user.subscription();
        user = billingUser(
                user.tier(),
                user.credits(),
                new SubscriptionView(s.plan(), "past_due", s.currentPeriodEnd(), s.cancelAtPeriodEnd()));
    }

    /** Tells every open event stream the current balance, as the server does on each change. */
    public void pushBalance(String reason) {
        for (GenerationEventListener listener : List.copyOf(listeners)) {
            listener.balance(new BalanceEvent(user.credits(), reason));
        }
    }

    /** From now on {@code /me} says lowBalance while the balance is below {@code threshold}, as the server does. */
    public void setLowCreditThreshold(int threshold) {
        lowCreditThreshold = threshold;
        user = billingUser(user.tier(), user.credits(), user.subscription());
    }

    private UserView billingUser(Tier tier, int credits, SubscriptionView subscription) {
        return new UserView(
                user.id(),
                user.email(),
                user.name(),
                user.role(),
                tier,
                credits,
                subscription,
                credits < lowCreditThreshold);
    }

    private InvoiceView invoice(String amount) {
        String id = "in_test_" + (invoices.size() + 1);
        return new InvoiceView(id, tick().toInstant(), amount, "paid", "https://invoice.stripe.test/i/" + id);
    }

    private void billingAvailable() throws IOException {
        if (!billingConfigured) {
            throw new CompanionApiException(
                    503, "billing_unavailable", "Billing is not configured on this server (no STRIPE_SECRET_KEY).");
        }
        if (stripeDown) {
            throw new CompanionApiException(
                    503,
                    "stripe_unavailable",
                    "Stripe could not be reached or refused the request, so nothing was charged. Please try again in"
                            + " a minute.");
        }
    }

    // ---------- end of billing ----------

    // ---------- API keys and webhooks (issue 11), like the server: at most 10 active keys, https only ----------

    /** The active keys, oldest first (listed newest first). */
    public final List<ApiKeyView> apiKeys = new ArrayList<>();
    /** The endpoints, oldest first (listed newest first). */
    public final List<WebhookView> webhookEndpoints = new ArrayList<>();

    public final Map<UUID, List<WebhookDeliveryView>> deliveries = new HashMap<>();

    @Override
    public CreatedApiKey createApiKey(CreateApiKeyRequest request) throws IOException {
        reachable();
        signedIn();
        if (request.name() == null || request.name().isBlank()) {
            throw new CompanionApiException(
                    400, "invalid_name", "Give the key a name (name), e.g. the script that uses it.");
        }
        if (apiKeys.size() >= 10) {
            throw new CompanionApiException(409, "conflict", "You have 10 active API keys: revoke one first.");
        }
        UUID id = UUID.randomUUID();
        String prefix = id.toString().substring(0, 8);
        ApiKeyView key =
                new ApiKeyView(id, request.name().strip(), prefix, List.copyOf(request.scopes()), tick(), null);
        apiKeys.add(key);
        return new CreatedApiKey(
                id, key.name(), prefix, key.scopes(), key.createdAt(), "pxf_" + prefix + "Zk3vQ9xT2mW7pL4nR8sY1bC6");
    }

    @Override
    public ApiKeyList apiKeys() throws IOException {
        reachable();
        signedIn();
        return new ApiKeyList(newestFirst(apiKeys));
    }

    @Override
    public void revokeApiKey(UUID id) throws IOException {
        reachable();
        signedIn();
        if (!apiKeys.removeIf(k -> k.id().equals(id))) {
            throw new CompanionApiException(404, "not_found", "API key " + id + " was not found.");
        }
    }

    @Override
    public CreatedWebhook createWebhook(CreateWebhookRequest request) throws IOException {
        reachable();
        signedIn();
        if (request.url() == null || !request.url().startsWith("https://")) {
            throw new CompanionApiException(400, "invalid_url", "The webhook URL must start with https://.");
        }
        if (request.events() == null || request.events().isEmpty()) {
            throw new CompanionApiException(400, "invalid_events", "Choose at least one event (events).");
        }
        WebhookView hook =
                new WebhookView(UUID.randomUUID(), request.url(), List.copyOf(request.events()), tick(), null, null);
        webhookEndpoints.add(hook);
        return new CreatedWebhook(
                hook.id(), hook.url(), hook.events(), hook.createdAt(), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    }

    @Override
    public WebhookList webhooks() throws IOException {
        reachable();
        signedIn();
        return new WebhookList(newestFirst(webhookEndpoints));
    }

    @Override
    public void deleteWebhook(UUID id) throws IOException {
        reachable();
        signedIn();
        if (!webhookEndpoints.removeIf(w -> w.id().equals(id))) {
            throw new CompanionApiException(404, "not_found", "Webhook " + id + " was not found.");
        }
        deliveries.remove(id);
    }

    @Override
    public WebhookPingAccepted pingWebhook(UUID id) throws IOException {
        webhookDeliveries(id);
        String webhookId = "msg_" + UUID.randomUUID().toString().substring(0, 8);
        deliveries
                .computeIfAbsent(id, k -> new ArrayList<>())
                .add(new WebhookDeliveryView(tick(), "ping", webhookId, 200, 1, null));
        return new WebhookPingAccepted(webhookId);
    }

    @Override
    public WebhookDeliveryList webhookDeliveries(UUID id) throws IOException {
        reachable();
        signedIn();
        if (webhookEndpoints.stream().noneMatch(w -> w.id().equals(id))) {
            throw new CompanionApiException(404, "not_found", "Webhook " + id + " was not found.");
        }
        return new WebhookDeliveryList(newestFirst(deliveries.getOrDefault(id, List.of())));
    }

    /** The job runner's side: the endpoint failed too often and was switched off. */
    public void disableWebhook(UUID id, String reason) {
        webhookEndpoints.replaceAll(w ->
                w.id().equals(id) ? new WebhookView(w.id(), w.url(), w.events(), w.createdAt(), tick(), reason) : w);
    }

    private static <T> List<T> newestFirst(List<T> oldestFirst) {
        List<T> copy = new ArrayList<>(oldestFirst);
        java.util.Collections.reverse(copy);
        return copy;
    }

    // ---------- end of API keys and webhooks ----------

    // ---------- styles and the prompt library (issue 14), like the server: names unique regardless of case ----------

    /** The user's styles, oldest first (listed newest first). */
    public final List<com.pixfino.model.api.styles.StyleView> styles = new ArrayList<>();
    /** The prompt library: a few examples per category. */
    public final Map<com.pixfino.model.PresetCategory, List<String>> promptExamples = new LinkedHashMap<>();
    /** How often {@link #prompts} was asked, per category (null: all). */
    public final List<com.pixfino.model.PresetCategory> promptQueries = new ArrayList<>();

    {
        for (com.pixfino.model.PresetCategory c : com.pixfino.model.PresetCategory.values()) {
            String label = c.label().toLowerCase(java.util.Locale.ROOT);
            promptExamples.put(
                    c,
                    List.of(
                            "Soft window light, " + label + ", calm expression",
                            "Golden hour " + label + " with warm film grain",
                            "Studio " + label + " on a deep teal backdrop"));
        }
    }

    @Override
    public com.pixfino.model.api.styles.StyleList styles() throws IOException {
        reachable();
        signedIn();
        return new com.pixfino.model.api.styles.StyleList(newestFirst(styles));
    }

    @Override
    public com.pixfino.model.api.styles.StyleView createStyle(com.pixfino.model.api.styles.StyleRequest request)
            throws IOException {
        reachable();
        signedIn();
        if (request.basePresetId() == null) {
            throw new CompanionApiException(
                    400, "missing_base_preset", "A style needs a base preset: basePresetId is required.");
        }
        String name = styleName(request.name(), null);
        PresetView preset = stylePreset(request.basePresetId());
        String ratio = styleRatio(preset, request.aspectRatio());
        OffsetDateTime now = tick();
        com.pixfino.model.api.styles.StyleView style = new com.pixfino.model.api.styles.StyleView(
                UUID.randomUUID(),
                name,
                preset.id(),
                preset.name(),
                request.prompt() == null ? "" : request.prompt().strip(),
                request.negativePrompt() == null ? "" : request.negativePrompt().strip(),
                ratio,
                1,
                now,
                now);
        styles.add(style);
        return style;
    }

    @Override
    public com.pixfino.model.api.styles.StyleView updateStyle(
            UUID id, com.pixfino.model.api.styles.StyleRequest request) throws IOException {
        reachable();
        signedIn();
        int index = styleIndex(id);
        com.pixfino.model.api.styles.StyleView old = styles.get(index);
        String name = request.name() == null ? old.name() : styleName(request.name(), id);
        PresetView preset = stylePreset(request.basePresetId() == null ? old.basePresetId() : request.basePresetId());
        String ratio = request.aspectRatio() == null && request.basePresetId() == null
                ? old.aspectRatio()
                : styleRatio(preset, request.aspectRatio() == null ? old.aspectRatio() : request.aspectRatio());
        com.pixfino.model.api.styles.StyleView changed = new com.pixfino.model.api.styles.StyleView(
                id,
                name,
                preset.id(),
                preset.name(),
                request.prompt() == null ? old.prompt() : request.prompt().strip(),
                request.negativePrompt() == null
                        ? old.negativePrompt()
                        : request.negativePrompt().strip(),
                ratio,
                old.version() + 1,
                old.createdAt(),
                tick());
        styles.set(index, changed);
        return changed;
    }

    @Override
    public void deleteStyle(UUID id) throws IOException {
        reachable();
        signedIn();
        styles.remove(styleIndex(id));
    }

    @Override
    public com.pixfino.model.api.styles.PromptList prompts(com.pixfino.model.PresetCategory category)
            throws IOException {
        reachable();
        promptQueries.add(category);
        List<com.pixfino.model.api.styles.PromptExample> items = new ArrayList<>();
        promptExamples.forEach((c, texts) -> {
            if (category == null || category == c) {
                texts.forEach(t -> items.add(new com.pixfino.model.api.styles.PromptExample(c, t)));
            }
        });
        return new com.pixfino.model.api.styles.PromptList(items);
    }

    private String styleName(String name, UUID self) throws IOException {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.codePointCount(0, trimmed.length()) > 60) {
            throw new CompanionApiException(
                    400, "invalid_name", "A style's name is 1 to 60 characters after trimming.");
        }
        boolean taken = styles.stream()
                .anyMatch(s -> !s.id().equals(self)
                        && s.name()
                                .toLowerCase(java.util.Locale.ROOT)
                                .equals(trimmed.toLowerCase(java.util.Locale.ROOT)));
        if (taken) {
            throw new CompanionApiException(
                    409,
                    "style_name_taken",
                    "You already have a style named '" + trimmed
                            + "' (names are compared without case); choose another name.");
        }
        return trimmed;
    }

    private PresetView stylePreset(long id) throws IOException {
        return presets.stream()
                .filter(p -> p.id() == id)
                .findFirst()
                .orElseThrow(() -> new CompanionApiException(
                        400,
                        "invalid_base_preset",
                        "basePresetId " + id + " is not a preset you can use; pick one from /api/v1/presets."));
    }

    private static String styleRatio(PresetView preset, String ratio) throws IOException {
        if (ratio == null) {
            return preset.defaultAspectRatio();
        }
        if (!preset.aspectRatios().isEmpty() && !preset.aspectRatios().contains(ratio)) {
            throw new CompanionApiException(
                    400,
                    "unsupported_aspect_ratio",
                    preset.name() + " cannot make " + ratio + "; it makes " + String.join(", ", preset.aspectRatios())
                            + ".");
        }
        return ratio;
    }

    private int styleIndex(UUID id) throws IOException {
        for (int i = 0; i < styles.size(); i++) {
            if (styles.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new CompanionApiException(404, "not_found", "No such style: " + id + ".");
    }

    // ---------- end of styles and prompts ----------

    private void charge(int amount, LedgerKind kind, String reason) {
        user = billingUser(user.tier(), user.credits() + amount, user.subscription());
        ledger.add(new LedgerEntryView(ledger.size() + 1, kind, amount, user.credits(), reason, null, tick()));
    }

    private OffsetDateTime tick() {
        clock = clock.plusSeconds(7);
        return clock;
    }

    private void signedIn() throws IOException {
        if (accountDeleted) {
            throw new CompanionApiException(401, "unauthorized", "Sign in first: this endpoint needs a bearer token.");
        }
    }

    private void reachable() throws IOException {
        if (unreachable) {
            throw new ConnectException("Connection refused");
        }
    }
}
