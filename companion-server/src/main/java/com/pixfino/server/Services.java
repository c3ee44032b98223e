package com.pixfino.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.server.accounts.AccountService;
import com.pixfino.server.accounts.EmailChange;
import com.pixfino.server.accounts.EmailVerification;
import com.pixfino.server.accounts.PasswordHasher;
import com.pixfino.server.accounts.PasswordReset;
import com.pixfino.server.accounts.TokenService;
import com.pixfino.server.admin.AdminPresets;
import com.pixfino.server.admin.AdminSettingsEditor;
import com.pixfino.server.admin.AdminStatistics;
import com.pixfino.server.admin.AdminUsers;
import com.pixfino.server.admin.AuditTrail;
import com.pixfino.server.apikeys.ApiKeyService;
import com.pixfino.server.billing.BillingAccounts;
import com.pixfino.server.billing.BillingCatalog;
import com.pixfino.server.billing.BillingGrants;
import com.pixfino.server.billing.BillingService;
import com.pixfino.server.billing.FreeMonthlyTopUp;
import com.pixfino.server.concurrent.ServerThreads;
import com.pixfino.server.config.ServerConfig;
import com.pixfino.server.credits.CreditLedger;
import com.pixfino.server.db.Database;
import com.pixfino.server.domain.CursorKey;
import com.pixfino.server.domain.SignedCursor;
import com.pixfino.server.generation.GenerationDeletion;
import com.pixfino.server.generation.GenerationEvents;
import com.pixfino.server.generation.GenerationJob;
import com.pixfino.server.generation.GenerationMetrics;
import com.pixfino.server.generation.GenerationService;
import com.pixfino.server.generation.GenerationStore;
import com.pixfino.server.generation.JobQueue;
import com.pixfino.server.generation.JobQueueMetrics;
import com.pixfino.server.generation.JobRunner;
import com.pixfino.server.generation.OutputStore;
import com.pixfino.server.generation.ProviderWebhooks;
import com.pixfino.server.generation.StatusNotices;
import com.pixfino.server.generation.StyleLookup;
import com.pixfino.server.library.LibraryEdits;
import com.pixfino.server.library.LibraryFeed;
import com.pixfino.server.library.TombstonePurge;
import com.pixfino.server.limits.RateLimits;
import com.pixfino.server.mail.MailOutbox;
import com.pixfino.server.mail.MailSender;
import com.pixfino.server.moderation.FlagResolutions;
import com.pixfino.server.moderation.ModerationFlags;
import com.pixfino.server.moderation.ModerationWordList;
import com.pixfino.server.moderation.PromptModeration;
import com.pixfino.server.notifications.Notifications;
import com.pixfino.server.presets.PresetCatalog;
import com.pixfino.server.presets.PresetPreviewRenderer;
import com.pixfino.server.presets.PresetThumbnails;
import com.pixfino.server.privacy.AccountDeletion;
import com.pixfino.server.privacy.AccountExport;
import com.pixfino.server.promo.PromoCodes;
import com.pixfino.server.providers.Provider;
import com.pixfino.server.providers.ProviderRegistry;
import com.pixfino.server.providers.RemoteProviders;
import com.pixfino.server.providers.local.LocalRendererProvider;
import com.pixfino.server.referrals.Referrals;
import com.pixfino.server.settings.PlatformSettings;
import com.pixfino.server.storage.FileSystemStorage;
import com.pixfino.server.storage.S3Settings;
import com.pixfino.server.storage.S3Storage;
import com.pixfino.server.storage.Storage;
import com.pixfino.server.styles.PromptLibrary;
import com.pixfino.server.styles.StyleService;
import com.pixfino.server.uploads.ImageIntake;
import com.pixfino.server.uploads.UploadService;
import com.pixfino.server.webhooks.WebhookSender;
import com.pixfino.server.webhooks.WebhookService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one graph of a server's services, built once from its configuration: {@link ServerApp} serves it
 * over HTTP and tests call the same instances directly. Building starts no thread; {@link #start()}
 * starts the job queue and the event listener, {@link #close()} stops whatever the graph owns.
 */
public final class Services implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Services.class);
    public static final String SSE_CLIENTS = "pixfino.sse.clients";

    private final List<AutoCloseable> owned = new ArrayList<>();
    private final CreditLedger ledger;
    private final TokenService tokens;
    private final ApiKeyService apiKeys;
    private final WebhookService outgoingWebhooks;
    private final WebhookSender webhookSender;
    private final RateLimits limits;
    private final AccountService accounts;
    private final EmailVerification emailVerification;
    private final PasswordReset passwordReset;
    private final MailSender mailSender;
    private final Storage storage;
    private final UploadService uploads;
    private final PresetCatalog presets;
    private final ProviderRegistry providers;
    private final GenerationStore generationStore;
    private final JobRunner jobRunner;
    private final GenerationService generations;
    private final GenerationDeletion deletion;
    private final GenerationEvents events;
    private final LibraryFeed libraryFeed;
    private final LibraryEdits libraryEdits;
    private final StyleService styles;
    private final PromptLibrary prompts;
    private final TombstonePurge tombstonePurge;
    private final AdminUsers adminUsers;
    private final AdminStatistics adminStatistics;
    private final AuditTrail auditTrail;
    private final AdminPresets adminPresets;
    private final PresetThumbnails presetThumbnails;
    private final boolean presetPreviews;
    private final ModerationWordList moderationWords;
    private final ModerationFlags moderationFlags;
    private final FlagResolutions flagResolutions;
    private final ProviderWebhooks webhooks;
    private final AccountExport accountExport;
    private final AccountDeletion accountDeletion;
    private final BillingAccounts billingAccounts;
    private final BillingService billing;
    private final FreeMonthlyTopUp freeTopUp;
    private final Notifications notifications;
    private final PlatformSettings platformSettings;
    private final Referrals referrals;
    private final AdminSettingsEditor adminSettings;
    private final EmailChange emailChange;
    private final PromoCodes promoCodes;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    /** Wires the graph in dependency order; if a step fails, what was already opened is closed again. */
    private Services(
            ServerConfig config,
            Database database,
            ObjectMapper mapper,
            Clock clock,
            List<Provider> extraProviders,
            UnaryOperator<JobQueue> jobQueue) {
        try {
            DSLContext dsl = database.dsl();
            ledger = new CreditLedger(dsl, clock);
            tokens = new TokenService(dsl, clock, config.tokenLifetime());
            apiKeys = new ApiKeyService(dsl, clock);
            limits = new RateLimits(config.limits(), clock);
            billingAccounts = new BillingAccounts(dsl, clock);
            MailOutbox outbox = new MailOutbox(clock);
            mailSender = new MailSender(dsl, config.mail(), config.dataDir(), clock);
            PasswordHasher hasher = new PasswordHasher();
            platformSettings = new PlatformSettings(dsl, clock);
            referrals =
                    new Referrals(dsl, ledger, platformSettings, config.mail().publicUrl(), clock);
            emailVerification =
                    new EmailVerification(dsl, outbox, limits, config.mail().publicUrl(), referrals, clock);
            passwordReset = new PasswordReset(
                    dsl, hasher, tokens, outbox, limits, config.mail().publicUrl(), referrals, clock);
            emailChange =
                    new EmailChange(dsl, hasher, outbox, limits, config.mail().publicUrl(), referrals, clock);
            accounts = new AccountService(
                    dsl,
                    hasher,
                    tokens,
                    ledger,
                    config,
                    limits,
                    billingAccounts,
                    emailVerification,
                    referrals,
                    platformSettings,
                    clock);
            BillingCatalog catalog = new BillingCatalog(config.billing(), config::monthlyCredits);
            BillingGrants grants = new BillingGrants(ledger, clock);
            // issue 16: low-credit reminders, receipts and the weekly digest, with their one-click unsubscribe links
            notifications = new Notifications(
                    dsl,
                    outbox,
                    CursorKey.load(dsl),
                    config.mail().publicUrl(),
                    config.billing().lowCreditThreshold(),
                    clock);
            billing = new BillingService(
                    dsl, config.billing(), catalog, billingAccounts, grants, notifications.receipts(), clock);
            freeTopUp = new FreeMonthlyTopUp(dsl, grants, catalog, clock);
            config.admin().ifPresent(accounts::ensureAdmin);
            storage = storage(config);
            uploads = new UploadService(
                    dsl, storage, new ImageIntake(config.maxUploadBytes(), config.maxUploadPixels(), 400), clock);
            presets = new PresetCatalog(dsl, clock);
            owned.add(presets);
            StatusNotices notices = new StatusNotices(dsl);
            owned.add(notices);
            SignedCursor adminCursors = new SignedCursor(CursorKey.load(dsl));
            auditTrail = new AuditTrail(dsl, mapper, adminCursors, clock);
            adminSettings = new AdminSettingsEditor(dsl, platformSettings, auditTrail);
            moderationWords = new ModerationWordList(dsl, auditTrail, clock);
            promoCodes = new PromoCodes(dsl, ledger, auditTrail, limits, clock);
            moderationFlags = new ModerationFlags(dsl, adminCursors, clock);

            ExecutorService providerCalls = ServerThreads.named("provider-call").cachedPool();
            owned.add(providerCalls::shutdownNow);
            RemoteProviders remote = new RemoteProviders(
                    config.providers(), mapper, config.jobs().timeout(), clock);
            owned.add(remote);
            providers = new ProviderRegistry(
                    providerList(config, remote, extraProviders), config.resilience(), providerCalls, metrics);
            outgoingWebhooks = new WebhookService(dsl, mapper, config.webhooks(), clock);
            generationStore = new GenerationStore(
                    dsl,
                    ledger,
                    presets,
                    clock,
                    notices,
                    (tx, userId, generationId, status) -> {
                        outgoingWebhooks.finished(tx, userId, generationId, status);
                        // the other event a referral reward waits for: the referee's first completed generation
                        if (status == com.pixfino.model.GenerationStatus.COMPLETED) {
                            referrals.generationCompleted(tx, userId);
                        }
                    },
                    new GenerationMetrics(metrics));
            // bounded: a receiver that never answers holds one of these for the attempt's timeout, never a job worker
            ExecutorService webhookCalls = ServerThreads.named("webhook-send").fixedPool(8);
            owned.add(webhookCalls::shutdownNow);
            AtomicReference<GenerationService> views = new AtomicReference<>();
            webhookSender = new WebhookSender(
                    dsl,
                    outgoingWebhooks,
                    config.webhooks(),
                    webhookCalls,
                    (userId, generationId) -> views.get().get(userId, generationId),
                    clock);
            tombstonePurge = new TombstonePurge(dsl, config.tombstoneWindow(), clock);
            GenerationJob job = new GenerationJob(
                    dsl,
                    generationStore,
                    providers,
                    new OutputStore(storage, remote.http()),
                    storage,
                    config.jobs(),
                    clock,
                    moderationFlags::providerRefused);
            jobRunner = new JobRunner(
                    database.dataSource(),
                    job,
                    generationStore,
                    providers,
                    config.jobs(),
                    providerCalls,
                    List.of(
                            freeTopUp.task(Duration.ofHours(1)),
                            webhookSender.task(),
                            mailSender.task(),
                            notifications.lowCredits().task(config.mail().pollInterval()),
                            notifications.weeklyDigest().task(),
                            tombstonePurge.task(TombstonePurge.interval(config.tombstoneWindow()))),
                    config.stopTimeout());
            JobQueue queue = jobQueue.apply(jobRunner);
            generations = new GenerationService(
                    dsl,
                    ledger,
                    presets,
                    generationStore,
                    queue,
                    storage,
                    config.s3().map(S3Settings::linkLifetime).orElse(Duration.ofMinutes(15)),
                    this::style,
                    new PromptModeration(moderationWords, moderationFlags));
            views.set(generations);
            deletion = new GenerationDeletion(generationStore, queue, storage);
            libraryFeed = new LibraryFeed(dsl, generations, config.tombstoneWindow(), clock);
            libraryEdits = new LibraryEdits(dsl, generations, notices, clock);
            styles = new StyleService(dsl, presets, notices, clock);
            prompts = new PromptLibrary(dsl);
            events = new GenerationEvents(database.dataSource(), mapper, libraryFeed);
            owned.add(events);
            owned.add(jobRunner);
            new JobQueueMetrics(dsl, clock).bindTo(metrics);
            Gauge.builder(SSE_CLIENTS, events::connectedClients)
                    .description("Open event streams (SSE) on this server")
                    .register(metrics);
            adminUsers = new AdminUsers(dsl, ledger, accounts, tokens, auditTrail, adminCursors);
            presetThumbnails = new PresetThumbnails(dsl, storage, new PresetPreviewRenderer());
            owned.add(presetThumbnails);
            presetPreviews = config.presetPreviews();
            flagResolutions = new FlagResolutions(dsl, moderationFlags, deletion, adminUsers, auditTrail, clock);
            adminPresets = new AdminPresets(
                    dsl,
                    presets,
                    auditTrail,
                    mapper,
                    config.creditValues().creditValueUsd(),
                    presetThumbnails,
                    new ImageIntake(PresetThumbnails.MAX_UPLOAD_BYTES, config.maxUploadPixels(), 400));
            adminStatistics = new AdminStatistics(dsl, config.creditValues().costPerCreditUsd(), clock);
            webhooks = new ProviderWebhooks(remote.webhooks(), generationStore, queue);
            accountExport = new AccountExport(dsl, storage, mapper, limits, clock);
            accountDeletion = new AccountDeletion(
                    dsl,
                    accounts,
                    tokens,
                    apiKeys,
                    uploads,
                    generationStore,
                    ledger,
                    queue,
                    storage,
                    billingAccounts,
                    billing);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The graph with the providers this configuration has keys for and the local renderer. */
    public static Services build(ServerConfig config, Database database, ObjectMapper mapper, Clock clock) {
        return build(config, database, mapper, clock, List.of(), UnaryOperator.identity());
    }

    /**
     * @param extraProviders besides the configured ones; an extra one replaces a configured one of its name
     * @param jobQueue       wraps the job queue the services hand generations to (identity in production)
     */
    public static Services build(
            ServerConfig config,
            Database database,
            ObjectMapper mapper,
            Clock clock,
            List<Provider> extraProviders,
            UnaryOperator<JobQueue> jobQueue) {
        return new Services(config, database, mapper, clock, extraProviders, jobQueue);
    }

    /** Starts listening for status changes and working the job queue. */
    public void start() {
        events.start();
        jobRunner.start();
        if (presetPreviews) {
            presetThumbnails.renderMissingSoon();
        }
    }

    public CreditLedger ledger() {
        return ledger;
    }

    public TokenService tokens() {
        return tokens;
    }

    public ApiKeyService apiKeys() {
        return apiKeys;
    }

    /** The user's outgoing webhook endpoints and their outbox. */
    public WebhookService outgoingWebhooks() {
        return outgoingWebhooks;
    }

    public WebhookSender webhookSender() {
        return webhookSender;
    }

    public RateLimits limits() {
        return limits;
    }

    public AccountService accounts() {
        return accounts;
    }

    public EmailVerification emailVerification() {
        return emailVerification;
    }

    public PasswordReset passwordReset() {
        return passwordReset;
    }

    /** The change of a signed-in user's email address. */
    public EmailChange emailChange() {
        return emailChange;
    }

    /** Promo codes: the admin's side and redemptions. */
    public PromoCodes promoCodes() {
        return promoCodes;
    }

    /** Sends the mail outbox (a recurring task runs it; tests may call it directly). */
    public MailSender mailSender() {
        return mailSender;
    }

    public Storage storage() {
        return storage;
    }

    public UploadService uploads() {
        return uploads;
    }

    public PresetCatalog presets() {
        return presets;
    }

    /** The registry /metrics serves: breakers, provider latency and queue depth are bound to it here. */
    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    public ProviderRegistry providers() {
        return providers;
    }

    public GenerationStore generationStore() {
        return generationStore;
    }

    public GenerationService generations() {
        return generations;
    }

    public GenerationDeletion deletion() {
        return deletion;
    }

    public GenerationEvents events() {
        return events;
    }

    /** The change feed of each user's library. */
    public LibraryFeed libraryFeed() {
        return libraryFeed;
    }

    /** Favourites, tags and collections. */
    public LibraryEdits libraryEdits() {
        return libraryEdits;
    }

    /** What a create takes from the caller's style (a 404 for another user's or an unknown one). */
    private StyleLookup.Style style(UUID userId, UUID styleId) {
        StyleService.ResolvedStyle style = styles.resolve(userId, styleId);
        return new StyleLookup.Style(
                style.styleId(),
                style.basePresetId(),
                style.prompt(),
                style.negativePrompt(),
                style.aspectRatio() == null ? null : style.aspectRatio().label());
    }

    /** Each user's own styles. */
    public StyleService styles() {
        return styles;
    }

    /** The curated example prompts. */
    public PromptLibrary prompts() {
        return prompts;
    }

    /** Purges old tombstones; a recurring task runs it, tests call it directly. */
    public TombstonePurge tombstonePurge() {
        return tombstonePurge;
    }

    public AdminUsers adminUsers() {
        return adminUsers;
    }

    public AdminStatistics adminStatistics() {
        return adminStatistics;
    }

    public AdminPresets adminPresets() {
        return adminPresets;
    }

    /** The presets' preview pictures (rendered in the background after start, or uploaded by an admin). */
    public PresetThumbnails presetThumbnails() {
        return presetThumbnails;
    }

    public AuditTrail auditTrail() {
        return auditTrail;
    }

    /** The banned-word list the create's prompt screen uses. */
    public ModerationWordList moderationWords() {
        return moderationWords;
    }

    /** The moderation queue. */
    public ModerationFlags moderationFlags() {
        return moderationFlags;
    }

    public FlagResolutions flagResolutions() {
        return flagResolutions;
    }

    public ProviderWebhooks webhooks() {
        return webhooks;
    }

    public AccountExport accountExport() {
        return accountExport;
    }

    public AccountDeletion accountDeletion() {
        return accountDeletion;
    }

    public BillingService billing() {
        return billing;
    }

    public BillingAccounts billingAccounts() {
        return billingAccounts;
    }

    /** Notification preferences, the low-credit, receipt and weekly-digest mails, and unsubscribe links. */
    public Notifications notifications() {
        return notifications;
    }

    /** The settings admins change at run time (referral rewards, the launch promo). */
    public PlatformSettings platformSettings() {
        return platformSettings;
    }

    /** Invitation codes and referral rewards. */
    public Referrals referrals() {
        return referrals;
    }

    public AdminSettingsEditor adminSettings() {
        return adminSettings;
    }

    /** The Free plan's monthly top-up the job queue runs every hour (tests run it directly). */
    public FreeMonthlyTopUp freeTopUp() {
        return freeTopUp;
    }

    /** Stops the queue and listener and releases pools and clients, newest first; the database stays open. */
    @Override
    public void close() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                log.warn("event=close_failed message={}", e.getMessage());
            }
        }
        owned.clear();
    }

    /** Files go to the S3 bucket when one is configured, else under the data directory. */
    private Storage storage(ServerConfig config) {
        if (config.s3().isPresent()) {
            S3Storage s3 = S3Storage.open(config.s3().get());
            owned.add(s3);
            return s3;
        }
        return new FileSystemStorage(config.dataDir().resolve("files"));
    }

    private static List<Provider> providerList(ServerConfig config, RemoteProviders remote, List<Provider> extra) {
        List<Provider> list = new ArrayList<>(extra);
        for (Provider configured : remote.providers()) {
            if (list.stream().noneMatch(p -> p.name().equals(configured.name()))) {
                list.add(configured);
            }
        }
        if (list.stream().noneMatch(p -> p.name().equals(LocalRendererProvider.NAME))) {
            list.add(new LocalRendererProvider(config.dataDir().resolve("work")));
        }
        return list;
    }
}
