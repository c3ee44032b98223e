package com.pixfino.server.presets;

import static com.pixfino.server.db.jooq.Tables.PRESETS;

import com.pixfino.model.AspectRatio;
import com.pixfino.model.CreditPricing;
import com.pixfino.model.MediaKind;
import com.pixfino.model.PresetCategory;
import com.pixfino.model.api.PresetView;
import com.pixfino.server.concurrent.ServerThreads;
import com.pixfino.server.db.jooq.tables.records.PresetsRecord;
import com.pixfino.server.domain.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The styles users pick from: filtered, featured first, with their margin computed from cost and price.
 * The only writer of {@code presets} rows after the seed migration. Creates read active presets from a copy
 * at most {@link #ACTIVE_COPY_LIFETIME} old, and uses are counted in memory and added to the rows every
 * {@link #USAGE_FLUSH}, so neither puts a query or a hot row lock on the money path.
 */
public final class PresetCatalog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PresetCatalog.class);
    static final Duration ACTIVE_COPY_LIFETIME = Duration.ofSeconds(5);
    static final Duration USAGE_FLUSH = Duration.ofSeconds(2);

    private final DSLContext dsl;
    private final Clock clock;
    private final ConcurrentHashMap<Long, AtomicLong> uses = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher;
    private volatile ActiveCopy active;

    private record ActiveCopy(Map<Long, PresetsRecord> byId, Instant readAt) {}

    public PresetCatalog(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
        this.flusher = ServerThreads.named("preset-usage").singleScheduler();
        flusher.scheduleWithFixedDelay(
                this::flushUses, USAGE_FLUSH.toMillis(), USAGE_FLUSH.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Active presets matching every given filter; {@code query} matches name, slug and category words. */
    public List<PresetView> list(Optional<PresetCategory> category, Optional<MediaKind> kind, Optional<String> query) {
        Condition condition = PRESETS.ACTIVE.isTrue();
        if (category.isPresent()) {
            condition = condition.and(PRESETS.CATEGORY.eq(category.get()));
        }
        if (kind.isPresent()) {
            condition = condition.and(PRESETS.MEDIA_KIND.eq(kind.get()));
        }
        if (query.isPresent() && !query.get().isBlank()) {
            String like = "%" + escapeLike(query.get().trim().toLowerCase(Locale.ROOT)) + "%";
            condition = condition.and(DSL.lower(PRESETS.NAME)
                    .like(like, '!')
                    .or(PRESETS.SLUG.like(like, '!'))
                    .or(DSL.lower(PRESETS.PROMPT_TEMPLATE).like(like, '!')));
        }
        return dsl.selectFrom(PRESETS)
                .where(condition)
                .orderBy(PRESETS.FEATURED.desc(), PRESETS.SORT_ORDER.asc(), PRESETS.ID.asc())
                .fetch(PresetCatalog::view);
    }

    /** An active preset (as of at most {@link #ACTIVE_COPY_LIFETIME} ago), or 404. */
    public PresetsRecord activePreset(long id) {
        ActiveCopy copy = active;
        Instant now = clock.instant();
        if (copy == null || copy.readAt().plus(ACTIVE_COPY_LIFETIME).isBefore(now)) {
            Map<Long, PresetsRecord> byId = new HashMap<>();
            dsl.selectFrom(PRESETS).where(PRESETS.ACTIVE.isTrue()).forEach(r -> byId.put(r.getId(), r));
            copy = new ActiveCopy(Map.copyOf(byId), now);
            active = copy;
        }
        PresetsRecord preset = copy.byId().get(id);
        if (preset == null) {
            throw DomainException.notFound("Preset " + id);
        }
        return preset;
    }

    /** Every preset, inactive ones included, in catalog order (the admin table). */
    public List<PresetsRecord> all() {
        return dsl.selectFrom(PRESETS)
                .orderBy(PRESETS.SORT_ORDER.asc(), PRESETS.ID.asc())
                .fetch();
    }

    /** The preset's row locked for the caller's transaction (an admin edit), if it exists. */
    public Optional<PresetsRecord> lock(DSLContext tx, long id) {
        return tx.selectFrom(PRESETS).where(PRESETS.ID.eq(id)).forUpdate().fetchOptional();
    }

    /**
     * Writes an admin's preset inside the caller's transaction: a new row when {@code id} is null, else the edit of
     * that row (its version grows by the database's trigger when anything changed). Answers the row as stored.
     * Creates on this server see the change at once; other servers within {@link #ACTIVE_COPY_LIFETIME}.
     */
    public PresetsRecord write(DSLContext tx, Long id, PresetsRecord values) {
        active = null;
        PresetsRecord stored = id == null
                ? tx.insertInto(PRESETS)
                        .set(values)
                        .set(PRESETS.CREATED_AT, java.time.OffsetDateTime.now(clock))
                        .returning()
                        .fetchOne()
                : tx.update(PRESETS)
                        .set(values)
                        .where(PRESETS.ID.eq(id))
                        .returning()
                        .fetchOne();
        return stored;
    }

    /** Drops the copy of active presets, so the next create reads them again (after an admin edit committed). */
    public void forgetActiveCopy() {
        active = null;
    }

    /** Counts one more use of the preset (a generation started); the row gets it within {@link #USAGE_FLUSH}. */
    public void countUse(long presetId) {
        uses.computeIfAbsent(presetId, id -> new AtomicLong()).incrementAndGet();
    }

    /** Adds the uses counted since the last time to the rows, one short update per preset used. */
    void flushUses() {
        for (Map.Entry<Long, AtomicLong> entry : uses.entrySet()) {
            long count = entry.getValue().getAndSet(0);
            if (count == 0) {
                continue;
            }
            try {
                dsl.update(PRESETS)
                        .set(PRESETS.USAGE_COUNT, PRESETS.USAGE_COUNT.plus((int) count))
                        .where(PRESETS.ID.eq(entry.getKey()))
                        .execute();
            } catch (RuntimeException e) {
                entry.getValue().addAndGet(count);
                log.warn("event=preset_usage_flush_failed preset={} message={}", entry.getKey(), e.getMessage());
            }
        }
    }

    /** Stops counting and writes what was counted. */
    @Override
    public void close() {
        flusher.shutdownNow();
        flushUses();
    }

    public static PresetView view(PresetsRecord r) {
        return new PresetView(
                r.getId(),
                r.getSlug(),
                r.getName(),
                r.getCategory(),
                r.getMediaKind(),
                r.getProvider(),
                r.getModel(),
                r.getDurationSeconds(),
                r.getCredits(),
                r.getApiCostUsd(),
                CreditPricing.marginPercent(r.getCredits(), r.getApiCostUsd()),
                r.getFeatured(),
                r.getPro(),
                r.getPromptTemplate(),
                r.getNegativePrompt(),
                thumbnailUrl(r),
                r.getUsageCount(),
                PresetFormats.offered(r).stream().map(AspectRatio::label).toList(),
                PresetFormats.defaultOf(r).label(),
                r.getVersion());
    }

    /** The preset's picture: our preview route once it has one (rendered or uploaded), else what the row names. */
    public static String thumbnailUrl(PresetsRecord r) {
        String url = PresetThumbnails.url(r);
        return url != null ? url : r.getThumbnailUrl();
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
