package com.pixfino.server.presets;

import static com.pixfino.server.db.jooq.Tables.PRESETS;

import com.pixfino.model.CreditPricing;
import com.pixfino.model.MediaKind;
import com.pixfino.model.PresetCategory;
import com.pixfino.model.api.PresetView;
import com.pixfino.server.db.jooq.tables.records.PresetsRecord;
import com.pixfino.server.domain.DomainException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The styles users pick from: filtered, featured first, with their margin computed from cost and price.
 * The only writer of {@code presets} rows after the seed migration.
 */
public final class PresetCatalog {

    private final DSLContext dsl;

    public PresetCatalog(DSLContext dsl) {
        this.dsl = dsl;
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

    /** An active preset, or 404. */
    public PresetsRecord activePreset(long id) {
        PresetsRecord preset = dsl.selectFrom(PRESETS)
                .where(PRESETS.ID.eq(id))
                .and(PRESETS.ACTIVE.isTrue())
                .fetchOne();
        if (preset == null) {
            throw DomainException.notFound("Preset " + id);
        }
        return preset;
    }

    /** Counts one more use of the preset, inside the caller's transaction (the one that starts the generation). */
    public void countUse(DSLContext tx, long presetId) {
        tx.update(PRESETS)
                .set(PRESETS.USAGE_COUNT, PRESETS.USAGE_COUNT.plus(1))
                .where(PRESETS.ID.eq(presetId))
                .execute();
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
                r.getThumbnailUrl(),
                r.getUsageCount());
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
