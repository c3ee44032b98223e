package com.pixfino.server.styles;

import static com.pixfino.server.db.jooq.Tables.PRESETS;
import static com.pixfino.server.db.jooq.Tables.STYLES;

import com.pixfino.model.AspectRatio;
import com.pixfino.model.api.styles.StyleList;
import com.pixfino.model.api.styles.StyleRequest;
import com.pixfino.model.api.styles.StyleView;
import com.pixfino.server.db.jooq.tables.records.PresetsRecord;
import com.pixfino.server.db.jooq.tables.records.StylesRecord;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.generation.GenerationStore;
import com.pixfino.server.generation.LibraryTombstones;
import com.pixfino.server.generation.LibraryWrite;
import com.pixfino.server.generation.StatusNotices;
import com.pixfino.server.presets.PresetCatalog;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * A user's own styles. Each edit runs in one transaction under the user's library lock
 * ({@link GenerationStore#lockLibrary}), so the per-user rules (unique names regardless of case, at most
 * {@value #MAX_STYLES} styles) hold under concurrent requests; a change bumps the style's version (the change feed
 * re-sends it) and tells the user's other devices once committed. Another user's ids are 404, exactly like unknown
 * ones.
 */
public final class StyleService {

    public static final int MAX_STYLES = 200;
    /** The kind of a deleted style's row in {@code library_tombstones}. */
    public static final String TOMBSTONE_STYLE = "STYLE";

    private final DSLContext dsl;
    private final LibraryWrite writes;
    private final PresetCatalog presets;
    private final Clock clock;

    public StyleService(DSLContext dsl, PresetCatalog presets, StatusNotices notices, Clock clock) {
        this.dsl = dsl;
        this.writes = new LibraryWrite(dsl, notices);
        this.presets = presets;
        this.clock = clock;
    }

    /** What a generation made with a style takes from it. */
    public record ResolvedStyle(
            UUID styleId, long basePresetId, String prompt, String negativePrompt, AspectRatio aspectRatio) {}

    /**
     * The style's settings for the generation create path.
     *
     * @throws DomainException NOT_FOUND "No such style" when the id is not one of the user's styles
     */
    public ResolvedStyle resolve(UUID userId, UUID styleId) {
        StylesRecord row = dsl.selectFrom(STYLES)
                .where(STYLES.ID.eq(styleId))
                .and(STYLES.USER_ID.eq(userId))
                .fetchOne();
        if (row == null) {
            throw notFound(styleId);
        }
        return new ResolvedStyle(
                row.getId(),
                row.getBasePresetId(),
                row.getPrompt(),
                row.getNegativePrompt(),
                AspectRatio.parse(row.getAspectRatio()).orElse(AspectRatio.SQUARE));
    }

    public StyleView create(UUID userId, StyleRequest request) {
        String name = StyleRules.name(request.name());
        if (request.basePresetId() == null) {
            throw DomainException.invalid(
                    "missing_base_preset", "A style needs a base preset: basePresetId is required.");
        }
        String prompt = StyleRules.prompt("prompt", request.prompt(), StyleRules.MAX_PROMPT_LENGTH);
        String negative =
                StyleRules.prompt("negativePrompt", request.negativePrompt(), StyleRules.MAX_NEGATIVE_PROMPT_LENGTH);
        AspectRatio wanted = request.aspectRatio() == null ? null : StyleRules.aspectRatio(request.aspectRatio());
        PresetsRecord preset = basePreset(request.basePresetId());
        AspectRatio ratio = wanted == null ? StyleRules.defaultFor(preset) : wanted;
        StyleRules.checkSupported(preset, ratio);
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        return uniqueName(() -> writes.edit(userId, tx -> {
            int count = tx.fetchCount(STYLES, STYLES.USER_ID.eq(userId));
            if (count >= MAX_STYLES) {
                throw DomainException.conflict(
                        "too_many_styles",
                        "You have " + MAX_STYLES + " styles, the most one account keeps; delete one to save another.");
            }
            checkNameFree(tx, userId, name, null);
            tx.insertInto(STYLES)
                    .set(STYLES.ID, id)
                    .set(STYLES.USER_ID, userId)
                    .set(STYLES.NAME, name)
                    .set(STYLES.NAME_KEY, key(name))
                    .set(STYLES.BASE_PRESET_ID, preset.getId())
                    .set(STYLES.PROMPT, prompt)
                    .set(STYLES.NEGATIVE_PROMPT, negative)
                    .set(STYLES.ASPECT_RATIO, ratio.label())
                    .set(STYLES.CREATED_AT, now)
                    .set(STYLES.UPDATED_AT, now)
                    .execute();
            return new LibraryWrite.Outcome<>(owned(tx, userId, id), true);
        }));
    }

    /** The user's styles, newest first. */
    public StyleList list(UUID userId) {
        return new StyleList(selectViews(dsl)
                .where(STYLES.USER_ID.eq(userId))
                .orderBy(STYLES.CREATED_AT.desc(), STYLES.ID.desc())
                .fetch(StyleService::view));
    }

    public StyleView get(UUID userId, UUID id) {
        return owned(dsl, userId, id);
    }

    /** Changes the fields the request gives; a field left out (null) keeps its value. */
    public StyleView patch(UUID userId, UUID id, StyleRequest request) {
        String name = request.name() == null ? null : StyleRules.name(request.name());
        String prompt = request.prompt() == null
                ? null
                : StyleRules.prompt("prompt", request.prompt(), StyleRules.MAX_PROMPT_LENGTH);
        String negative = request.negativePrompt() == null
                ? null
                : StyleRules.prompt("negativePrompt", request.negativePrompt(), StyleRules.MAX_NEGATIVE_PROMPT_LENGTH);
        AspectRatio wanted = request.aspectRatio() == null ? null : StyleRules.aspectRatio(request.aspectRatio());
        PresetsRecord newPreset = request.basePresetId() == null ? null : basePreset(request.basePresetId());
        OffsetDateTime now = OffsetDateTime.now(clock);
        return uniqueName(() -> writes.edit(userId, tx -> {
            StylesRecord row = tx.selectFrom(STYLES)
                    .where(STYLES.ID.eq(id))
                    .and(STYLES.USER_ID.eq(userId))
                    .forUpdate()
                    .fetchOne();
            if (row == null) {
                throw notFound(id);
            }
            if (newPreset != null || wanted != null) {
                PresetsRecord preset = newPreset != null ? newPreset : presetRow(tx, row.getBasePresetId());
                AspectRatio ratio = wanted != null
                        ? wanted
                        : AspectRatio.parse(row.getAspectRatio()).orElse(AspectRatio.SQUARE);
                StyleRules.checkSupported(preset, ratio);
            }
            if (name != null && !name.equals(row.getName())) {
                checkNameFree(tx, userId, name, id);
                row.setName(name);
                row.setNameKey(key(name));
            }
            // jOOQ marks a field changed even when set to its own value: set only what differs
            if (newPreset != null && !newPreset.getId().equals(row.getBasePresetId())) {
                row.setBasePresetId(newPreset.getId());
            }
            if (prompt != null && !prompt.equals(row.getPrompt())) {
                row.setPrompt(prompt);
            }
            if (negative != null && !negative.equals(row.getNegativePrompt())) {
                row.setNegativePrompt(negative);
            }
            if (wanted != null && !wanted.label().equals(row.getAspectRatio())) {
                row.setAspectRatio(wanted.label());
            }
            boolean changed = row.changed();
            if (changed) {
                row.setUpdatedAt(now);
                row.store();
            }
            return new LibraryWrite.Outcome<>(owned(tx, userId, id), changed);
        }));
    }

    /**
     * Deletes the style and leaves a tombstone for the change feed. Deleting it again is fine (nothing happens) as
     * long as the tombstone is kept; an id the user never had is a 404.
     */
    public void delete(UUID userId, UUID id) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        writes.change(userId, tx -> {
            int removed = tx.deleteFrom(STYLES)
                    .where(STYLES.ID.eq(id))
                    .and(STYLES.USER_ID.eq(userId))
                    .execute();
            if (removed == 0) {
                return LibraryTombstones.deletedAgain(tx, TOMBSTONE_STYLE, userId, id, notFound(id));
            }
            LibraryTombstones.record(tx, TOMBSTONE_STYLE, userId, id, now);
            return true;
        });
    }

    /** A changed style as the change feed serves it: its view and the transaction that last changed it. */
    public record StyleChange(StyleView view, long changeXid) {}

    /**
     * The user's styles changed after position {@code (fromXid, fromVersion)} by transactions older than
     * {@code xmin}, and at or before {@code upTo} when given, in feed order; for the library change feed's snapshot.
     */
    public static List<StyleChange> changedAfter(
            DSLContext tx, UUID userId, long fromXid, long fromVersion, long xmin, Condition upTo) {
        return selectViews(tx)
                .where(STYLES.USER_ID.eq(userId))
                .and(DSL.row(STYLES.CHANGE_XID, STYLES.VERSION).gt(fromXid, fromVersion))
                .and(STYLES.CHANGE_XID.lt(xmin))
                .and(upTo)
                .orderBy(STYLES.CHANGE_XID, STYLES.VERSION)
                .fetch(r -> new StyleChange(view(r), r.get(STYLES.CHANGE_XID)));
    }

    /** The bound "at or before this feed position" on styles, for {@link #changedAfter}. */
    public static Condition upTo(long xid, long version) {
        return DSL.row(STYLES.CHANGE_XID, STYLES.VERSION).le(xid, version);
    }

    private static org.jooq.SelectJoinStep<Record> selectViews(DSLContext tx) {
        return tx.select(STYLES.fields())
                .select(PRESETS.NAME)
                .from(STYLES)
                .join(PRESETS)
                .on(PRESETS.ID.eq(STYLES.BASE_PRESET_ID));
    }

    private static StyleView view(Record r) {
        return new StyleView(
                r.get(STYLES.ID),
                r.get(STYLES.NAME),
                r.get(STYLES.BASE_PRESET_ID),
                r.get(PRESETS.NAME),
                r.get(STYLES.PROMPT),
                r.get(STYLES.NEGATIVE_PROMPT),
                r.get(STYLES.ASPECT_RATIO),
                r.get(STYLES.VERSION),
                r.get(STYLES.CREATED_AT),
                r.get(STYLES.UPDATED_AT));
    }

    private static StyleView owned(DSLContext tx, UUID userId, UUID id) {
        Record row = selectViews(tx)
                .where(STYLES.ID.eq(id))
                .and(STYLES.USER_ID.eq(userId))
                .fetchOne();
        if (row == null) {
            throw notFound(id);
        }
        return view(row);
    }

    /** An active preset to base a style on; anything else is the request's mistake (400), not a missing page. */
    private PresetsRecord basePreset(long id) {
        try {
            return presets.activePreset(id);
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            throw DomainException.invalid(
                    "invalid_base_preset",
                    "basePresetId " + id + " is not a preset you can use; pick one from " + "/api/v1/presets.");
        }
    }

    private static PresetsRecord presetRow(DSLContext tx, long id) {
        return Objects.requireNonNull(
                tx.selectFrom(PRESETS).where(PRESETS.ID.eq(id)).fetchOne());
    }

    private static void checkNameFree(DSLContext tx, UUID userId, String name, UUID except) {
        Condition sameName = STYLES.USER_ID.eq(userId).and(STYLES.NAME_KEY.eq(key(name)));
        if (except != null) {
            sameName = sameName.and(STYLES.ID.ne(except));
        }
        if (tx.fetchExists(STYLES, sameName)) {
            throw nameTaken(name);
        }
    }

    /** The lock makes the check above decisive; the unique constraint is the backstop, answered the same way. */
    private static StyleView uniqueName(java.util.function.Supplier<StyleView> write) {
        try {
            return write.get();
        } catch (DataAccessException e) {
            if ("23505".equals(e.sqlState())) {
                throw DomainException.conflict(
                        "style_name_taken", "You already have a style with that name; choose another name.");
            }
            throw e;
        }
    }

    private static DomainException nameTaken(String name) {
        return DomainException.conflict(
                "style_name_taken",
                "You already have a style named '" + name + "' (names are compared without case); choose another"
                        + " name.");
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    static DomainException notFound(UUID id) {
        return new DomainException(DomainException.Kind.NOT_FOUND, "not_found", "No such style: " + id + ".");
    }
}
