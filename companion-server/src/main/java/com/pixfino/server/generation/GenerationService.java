package com.pixfino.server.generation;

import static com.pixfino.server.db.jooq.Tables.COLLECTION_ITEMS;
import static com.pixfino.server.db.jooq.Tables.GENERATIONS;
import static com.pixfino.server.db.jooq.Tables.GENERATION_TAGS;
import static com.pixfino.server.db.jooq.Tables.PRESETS;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.model.api.ErrorBody;
import com.pixfino.model.api.GenerationAccepted;
import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.Page;
import com.pixfino.server.credits.CreditLedger;
import com.pixfino.server.credits.InsufficientCreditsException;
import com.pixfino.server.db.jooq.tables.records.GenerationsRecord;
import com.pixfino.server.db.jooq.tables.records.PresetsRecord;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.domain.PageRequest;
import com.pixfino.server.presets.PresetCatalog;
import com.pixfino.server.storage.Storage;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creating, listing and canceling a user's generations; the credit-first pipeline starts here. */
public final class GenerationService {

    private static final Logger log = LoggerFactory.getLogger(GenerationService.class);
    private static final int MAX_IDEMPOTENCY_KEY = 200;
    private static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
    private static final int MAX_ATTEMPTS = 3;

    private final DSLContext dsl;
    private final CreditLedger ledger;
    private final PresetCatalog presets;
    private final GenerationStore store;
    private final JobQueue jobs;
    private final Storage storage;
    private final Duration linkLifetime;
    private final CreateRequest.Resolver requests;
    private final PromptScreen screen;

    /**
     * @param linkLifetime how long the presigned file links in a generation's view work, when the storage hands them out
     * @param styles       finds the caller's style for a create that names one ({@link StyleLookup#NONE}: styles off)
     * @param screen       checks the prompts a create would run with, before anything is charged
     */
    public GenerationService(
            DSLContext dsl,
            CreditLedger ledger,
            PresetCatalog presets,
            GenerationStore store,
            JobQueue jobs,
            Storage storage,
            Duration linkLifetime,
            StyleLookup styles,
            PromptScreen screen) {
        this.requests = new CreateRequest.Resolver(presets, styles);
        this.screen = screen;
        this.dsl = dsl;
        this.ledger = ledger;
        this.presets = presets;
        this.store = store;
        this.jobs = jobs;
        this.storage = storage;
        this.linkLifetime = linkLifetime;
    }

    /**
     * Debits the preset's credits, writes the ledger row, inserts the PENDING row and queues its job in one statement.
     * A repeated {@code idempotencyKey} (per user, 24 h) returns the first generation and charges nothing. A prompt
     * the moderation screen refuses creates nothing and charges nothing.
     */
    public GenerationAccepted create(UUID userId, CreateGenerationRequest request, String idempotencyKey) {
        CreateRequest resolved = requests.resolve(userId, request);
        String key = cleanKey(idempotencyKey);
        screen.screen(userId, resolved.options().prompt(), resolved.options().negativePrompt());
        PresetsRecord preset = resolved.preset();
        CreateOptions options = resolved.options();
        Optional<Duration> paused = jobs.pausedFor(preset.getProvider(), preset.getModel(), preset.getMediaKind());
        Optional<String> jobTask = jobs.taskWrittenByCreate();
        for (int attempt = 1; ; attempt++) {
            UUID id = UUID.randomUUID();
            GenerationStore.CreateOutcome outcome;
            try {
                outcome = store.createPaid(
                        new GenerationStore.NewGeneration(id, userId, preset, request.uploadId(), options, key),
                        preset.getPro(),
                        paused.isPresent(),
                        jobTask,
                        IDEMPOTENCY_WINDOW);
            } catch (DataAccessException e) {
                if (key != null && "23505".equals(e.sqlState()) && attempt < MAX_ATTEMPTS) {
                    // a concurrent request with the same key committed first: the next attempt finds it and replays it
                    continue;
                }
                throw e;
            }
            if (outcome.created()) {
                log.info(
                        "event=generation_created user={} generation={} preset={} credits={} format={} seed={}"
                                + " group={}",
                        userId,
                        id,
                        preset.getSlug(),
                        preset.getCredits(),
                        options.format().label(),
                        options.seed(),
                        request.groupId());
                queue(id, jobTask.isPresent());
                return new GenerationAccepted(id, GenerationStatus.PENDING, preset.getCredits());
            }
            Optional<GenerationAccepted> answer =
                    refusal(outcome, userId, preset, request, options, key, paused, attempt);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
    }

    /**
     * Why a create changed nothing, in the order the checks have always had: the upload, an earlier generation with
     * the key (replayed), the tier, paused providers, the balance. Empty: try again (a key that outlived its window
     * was freed, or a concurrent debit took the credits the snapshot still showed).
     */
    private Optional<GenerationAccepted> refusal(
            GenerationStore.CreateOutcome outcome,
            UUID userId,
            PresetsRecord preset,
            CreateGenerationRequest request,
            CreateOptions options,
            String key,
            Optional<Duration> paused,
            int attempt) {
        if (outcome.tier() == null) {
            throw DomainException.unauthorized("Your session has expired or was signed out. Sign in again.");
        }
        if (!outcome.uploadOwned()) {
            throw DomainException.notFound("Upload " + request.uploadId());
        }
        if (outcome.prior() != null) {
            if (!outcome.priorExpired()) {
                return Optional.of(replay(outcome.prior(), preset, request, options));
            }
            store.expireIdempotencyKey(userId, key, IDEMPOTENCY_WINDOW);
            return retryOr(
                    attempt,
                    () -> DomainException.conflict(
                            "idempotency_conflict", "This Idempotency-Key is being reused right now; try again."));
        }
        if (preset.getPro() && !outcome.tier().isPaid()) {
            throw new DomainException(
                    DomainException.Kind.FORBIDDEN,
                    "pro_preset",
                    "'" + preset.getName() + "' is a PRO preset: upgrade to Starter or above to use it.");
        }
        if (paused.isPresent()) {
            refuseWhilePaused(preset, paused.get());
        }
        int balance = outcome.balance();
        if (balance >= preset.getCredits()) {
            // the snapshot predates a concurrent debit the update then waited for: the balance as it is now decides
            balance = ledger.balance(userId);
            if (balance >= preset.getCredits()) {
                return retryOr(
                        attempt,
                        () -> DomainException.conflict(
                                "concurrent_change", "Your balance changed while this was being charged; try again."));
            }
        }
        throw new InsufficientCreditsException(preset.getCredits(), balance);
    }

    private static Optional<GenerationAccepted> retryOr(int attempt, Supplier<RuntimeException> failure) {
        if (attempt < MAX_ATTEMPTS) {
            return Optional.empty();
        }
        throw failure.get();
    }

    /** The job's row is already written when the queue let the create write it; otherwise queue it now. */
    private void queue(UUID id, boolean writtenByCreate) {
        try {
            if (writtenByCreate) {
                jobs.writtenByCreate(id);
            } else {
                jobs.enqueue(id);
            }
        } catch (RuntimeException e) {
            // the generation is paid for and committed: the reconciler queues it shortly, so the user still gets a 202
            log.warn("event=enqueue_deferred generation={} message={}", id, e.getMessage());
        }
    }

    /** Taking the credits for a job that can only fail and be refunded helps nobody: say when to come back instead. */
    private static void refuseWhilePaused(PresetsRecord preset, Duration paused) {
        throw DomainException.unavailable(
                "providers_paused",
                "Every service that can make '" + preset.getName()
                        + "' is failing and paused for now; nothing was charged. Try again in "
                        + DomainException.wholeSeconds(paused) + " s.",
                paused);
    }

    /**
     * The first answer for a reused key when the request is the same one; any field that differs is a 409. Two requests
     * that both leave the seed out are the same (the first drew one at random), and so are two that leave the format
     * out when the first one ran in the preset's default.
     */
    private static GenerationAccepted replay(
            GenerationsRecord existing, PresetsRecord preset, CreateGenerationRequest request, CreateOptions options) {
        boolean same = CreateRequest.same(existing, preset, request, options);
        if (!same) {
            throw DomainException.conflict(
                    "idempotency_conflict",
                    "This Idempotency-Key was already used for a different request; use a new key for a new generation.");
        }
        return new GenerationAccepted(existing.getId(), existing.getStatus(), existing.getCreditsCharged());
    }

    public GenerationView get(UUID userId, UUID id) {
        return views(dsl, List.of(ownedRow(userId, id))).get(0);
    }

    /** Newest first, optionally of one status. */
    public Page<GenerationView> list(UUID userId, Optional<GenerationStatus> status, PageRequest page) {
        Condition condition = GENERATIONS.USER_ID.eq(userId);
        if (status.isPresent()) {
            condition = condition.and(GENERATIONS.STATUS.eq(status.get()));
        }
        GenerationCursor after = page.position(GenerationCursor::decode);
        if (after != null) {
            condition = condition.and(
                    DSL.row(GENERATIONS.CREATED_AT, GENERATIONS.ID).lt(after.createdAt(), after.id()));
        }
        return page.page(
                views(
                        dsl,
                        withPresetName()
                                .where(condition)
                                .orderBy(GENERATIONS.CREATED_AT.desc(), GENERATIONS.ID.desc())
                                .limit(page.fetchSize())
                                .fetch()),
                last -> new GenerationCursor(last.createdAt(), last.id()).encode());
    }

    /** Stops an unfinished generation and refunds it; a finished one is a 409 saying how it ended. */
    public GenerationView cancel(UUID userId, UUID id) {
        owned(userId, id);
        GenerationsRecord canceled = store.cancel(id)
                .orElseThrow(() -> DomainException.conflict(
                        "already_finished",
                        "This generation already ended as " + owned(userId, id).getStatus()
                                + "; there is nothing to cancel."));
        jobs.cancelAtProvider(canceled.getProvider(), canceled.getProviderJobId());
        log.info("event=generation_canceled user={} generation={}", userId, id);
        return get(userId, id);
    }

    /** The finished file and its type; 404 until the generation has completed. */
    public StoredFile output(UUID userId, UUID id, boolean thumbnail) {
        GenerationsRecord row = owned(userId, id);
        String key = thumbnail ? row.getThumbnailKey() : row.getOutputKey();
        if (key == null) {
            throw new DomainException(
                    DomainException.Kind.NOT_FOUND,
                    "not_ready",
                    "This generation has no " + (thumbnail ? "thumbnail" : "output") + " yet: it is " + row.getStatus()
                            + ".");
        }
        return new StoredFile(storage.open(key), thumbnail ? "image/jpeg" : row.getOutputContentType());
    }

    /** An opened stored file and its content type. */
    public record StoredFile(InputStream content, String contentType) {}

    private GenerationsRecord owned(UUID userId, UUID id) {
        return store.findOwned(userId, id).orElseThrow(() -> DomainException.notFound("Generation " + id));
    }

    private Record ownedRow(UUID userId, UUID id) {
        Record row = withPresetName()
                .where(GENERATIONS.ID.eq(id))
                .and(GENERATIONS.USER_ID.eq(userId))
                .fetchOne();
        if (row == null) {
            throw DomainException.notFound("Generation " + id);
        }
        return row;
    }

    private org.jooq.SelectOnConditionStep<Record> withPresetName() {
        return selectViews(dsl);
    }

    /** The rows {@link #views} turns into views: a generation and its preset's name, for the caller to filter. */
    public org.jooq.SelectOnConditionStep<Record> selectViews(DSLContext tx) {
        return tx.select(GENERATIONS.asterisk(), PRESETS.NAME)
                .from(GENERATIONS)
                .join(PRESETS)
                .on(PRESETS.ID.eq(GENERATIONS.PRESET_ID));
    }

    /**
     * The views of rows {@link #selectViews} read, in their order, with their tags and collections loaded in two
     * queries for the whole list (never one per row). Views are only ever built for the owner.
     */
    public List<GenerationView> views(DSLContext tx, List<? extends Record> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(r -> r.get(GENERATIONS.ID)).toList();
        Map<UUID, List<String>> tags = new HashMap<>();
        tx.select(GENERATION_TAGS.GENERATION_ID, GENERATION_TAGS.TAG)
                .from(GENERATION_TAGS)
                .where(GENERATION_TAGS.GENERATION_ID.in(ids))
                .orderBy(GENERATION_TAGS.TAG_KEY)
                .forEach(r ->
                        tags.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        Map<UUID, List<UUID>> collections = new HashMap<>();
        tx.select(COLLECTION_ITEMS.GENERATION_ID, COLLECTION_ITEMS.COLLECTION_ID)
                .from(COLLECTION_ITEMS)
                .where(COLLECTION_ITEMS.GENERATION_ID.in(ids))
                .orderBy(COLLECTION_ITEMS.COLLECTION_ID)
                .forEach(r -> collections
                        .computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(r.value2()));
        List<GenerationView> views = new ArrayList<>(rows.size());
        for (Record row : rows) {
            UUID id = row.get(GENERATIONS.ID);
            views.add(view(row, tags.getOrDefault(id, List.of()), collections.getOrDefault(id, List.of())));
        }
        return views;
    }

    /** Views are only ever built for the owner, so presigned file links in them go to the owner alone. */
    private GenerationView view(Record record, List<String> tags, List<UUID> collectionIds) {
        GenerationsRecord g = record.into(GENERATIONS);
        String base = "/api/v1/generations/" + g.getId();
        ErrorBody.Detail error =
                g.getErrorCode() == null ? null : new ErrorBody.Detail(g.getErrorCode(), g.getErrorMessage());
        return new GenerationView(
                g.getId(),
                g.getPresetId(),
                record.get(PRESETS.NAME),
                g.getMediaKind(),
                g.getStatus(),
                g.getCreditsCharged(),
                g.getRefunded(),
                g.getPrompt(),
                g.getUploadId(),
                g.getProvider(),
                g.getModel(),
                error,
                link(g.getOutputKey(), base + "/output"),
                g.getOutputContentType(),
                link(g.getThumbnailKey(), base + "/thumbnail"),
                g.getWidth(),
                g.getHeight(),
                g.getApiCostUsd(),
                g.getCreatedAt(),
                g.getStartedAt(),
                g.getCompletedAt(),
                g.getFavorite(),
                tags,
                collectionIds,
                g.getVersion(),
                g.getUpdatedAt(),
                g.getAspectRatio(),
                g.getSeed(),
                g.getGroupId(),
                g.getStyleId(),
                g.getPresetVersion());
    }

    /** A presigned storage link when the storage hands them out (S3), else our owner-checked endpoint. */
    private String link(String key, String endpoint) {
        if (key == null) {
            return null;
        }
        return storage.presignedGet(key, linkLifetime).map(Object::toString).orElse(endpoint);
    }

    private static String cleanKey(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        String trimmed = key.trim();
        if (trimmed.length() > MAX_IDEMPOTENCY_KEY || !trimmed.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw DomainException.invalid(
                    "invalid_idempotency_key",
                    "The Idempotency-Key must be 1 to " + MAX_IDEMPOTENCY_KEY + " printable ASCII characters.");
        }
        return trimmed;
    }
}
