package com.pixfino.server.admin;

import static com.pixfino.server.db.jooq.Tables.PRESETS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.model.AspectRatio;
import com.pixfino.model.MediaKind;
import com.pixfino.model.api.Page;
import com.pixfino.model.api.admin.AdminPresetRequest;
import com.pixfino.model.api.admin.AdminPresetView;
import com.pixfino.server.db.jooq.tables.records.PresetsRecord;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.domain.Text;
import com.pixfino.server.presets.PresetCatalog;
import com.pixfino.server.presets.PresetPreviewRenderer;
import com.pixfino.server.presets.PresetThumbnails;
import com.pixfino.server.uploads.ImageIntake;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin's presets: every preset with its margin, created and edited whole or in part, each change audited with
 * the fields it changed. A change never touches generations already made: each records the credits it was charged
 * and the preset version it ran.
 */
public final class AdminPresets {

    private static final Logger log = LoggerFactory.getLogger(AdminPresets.class);
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_SLUG = 100;
    private static final int MAX_NAME = 200;
    private static final int MAX_PROMPT_TEMPLATE = 2000;
    private static final int MAX_NEGATIVE_PROMPT = 1000;
    private static final int MIN_CREDITS = 1;
    private static final int MAX_CREDITS = 500;
    private static final int MIN_VIDEO_SECONDS = 3;
    private static final int MAX_VIDEO_SECONDS = 20;
    private static final BigDecimal MAX_API_COST = new BigDecimal("1000");
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String PRESET = "preset";
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final DSLContext dsl;
    private final PresetCatalog catalog;
    private final AuditTrail audit;
    private final ObjectMapper mapper;
    private final BigDecimal creditValueUsd;
    private final PresetThumbnails thumbnails;
    private final ImageIntake pictures;

    /** @param pictures checks and crops an admin's preview picture (its byte limit is the picture's) */
    public AdminPresets(
            DSLContext dsl,
            PresetCatalog catalog,
            AuditTrail audit,
            ObjectMapper mapper,
            BigDecimal creditValueUsd,
            PresetThumbnails thumbnails,
            ImageIntake pictures) {
        this.dsl = dsl;
        this.catalog = catalog;
        this.audit = audit;
        this.mapper = mapper;
        this.creditValueUsd = creditValueUsd;
        this.thumbnails = thumbnails;
        this.pictures = pictures;
    }

    /** Every preset, inactive ones too, in catalog order; one page (the catalog is small). */
    public Page<AdminPresetView> list() {
        return new Page<>(catalog.all().stream().map(this::view).toList(), null);
    }

    public AdminPresetView create(UUID adminId, AdminPresetRequest request) {
        PresetsRecord values = validated(request, null, true);
        PresetsRecord stored = write(adminId, null, values, "preset_created");
        thumbnails.renderMissingSoon(); // the new preset's preview, off the request
        return view(stored);
    }

    /**
     * Replaces the preset's preview picture with an admin's image (JPEG, PNG or WebP by its content), cropped to its
     * centre square of {@link PresetPreviewRenderer#EDGE} pixels and stored as JPEG; audited with the file's key and
     * SHA-256 before and after. A render never replaces it.
     *
     * @throws DomainException 404 for an unknown preset; 400, 413 or 415 for an image we refuse
     */
    public AdminPresetView replaceThumbnail(UUID adminId, long id, byte[] image) {
        if (!dsl.fetchExists(PRESETS, PRESETS.ID.eq(id))) {
            throw DomainException.notFound("Preset " + id);
        }
        byte[] jpeg = pictures.squarePreview(image, PresetPreviewRenderer.EDGE);
        PresetThumbnails.Change picture = thumbnails.store(id, jpeg);
        Replaced replaced;
        try {
            replaced = dsl.transactionResult(cfg -> {
                DSLContext tx = DSL.using(cfg);
                PresetsRecord locked = catalog.lock(tx, id).orElseThrow(() -> DomainException.notFound("Preset " + id));
                PresetThumbnails.Change before = PresetThumbnails.pictureOf(locked);
                PresetsRecord written = thumbnails.point(tx, id, picture);
                audit.record(
                        tx,
                        new AuditTrail.Action(
                                adminId,
                                "preset_thumbnail",
                                PRESET,
                                Long.toString(id),
                                pictureFields(before),
                                pictureFields(picture),
                                null));
                return new Replaced(written, before);
            });
        } catch (RuntimeException e) {
            if (!thumbnails.isCurrent(id, picture.key())) {
                thumbnails.forget(picture.key()); // no row points at it
            }
            throw e;
        }
        String old = replaced.before().key();
        if (old != null && !old.equals(picture.key())) {
            thumbnails.forget(old);
        }
        log.info("event=preset_thumbnail_replaced admin={} preset={} key={}", adminId, id, picture.key());
        return view(replaced.row());
    }

    /** The row after a new picture, and the picture it had before. */
    private record Replaced(PresetsRecord row, PresetThumbnails.Change before) {}

    private static Map<String, Object> pictureFields(PresetThumbnails.Change picture) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("thumbnailKey", picture.key());
        fields.put("thumbnailSha256", picture.sha256());
        fields.put("thumbnailSource", picture.source());
        return fields;
    }

    /** PUT ({@code whole}): the request is the whole preset; PATCH: the fields it names change, the rest stay. */
    public AdminPresetView update(UUID adminId, long id, AdminPresetRequest request, boolean whole) {
        PresetsRecord current = dsl.selectFrom(PRESETS)
                .where(PRESETS.ID.eq(id))
                .fetchOptional()
                .orElseThrow(() -> DomainException.notFound("Preset " + id));
        PresetsRecord values = validated(request, current, whole);
        return view(write(adminId, id, values, "preset_changed"));
    }

    private PresetsRecord write(UUID adminId, Long id, PresetsRecord values, String action) {
        PresetsRecord stored;
        try {
            stored = dsl.transactionResult(cfg -> {
                DSLContext tx = DSL.using(cfg);
                Map<String, Object> before = null;
                if (id != null) {
                    before = fields(catalog.lock(tx, id).orElseThrow(() -> DomainException.notFound("Preset " + id)));
                }
                PresetsRecord written = catalog.write(tx, id, values);
                Map<String, Object> after = fields(written);
                if (before != null) {
                    Map<String, Object> was = new LinkedHashMap<>();
                    Map<String, Object> now = new LinkedHashMap<>();
                    for (Map.Entry<String, Object> field : after.entrySet()) {
                        Object old = before.get(field.getKey());
                        if (!Objects.equals(old, field.getValue())) {
                            was.put(field.getKey(), old);
                            now.put(field.getKey(), field.getValue());
                        }
                    }
                    if (now.isEmpty()) {
                        return written; // nothing changed: nothing to record
                    }
                    before = was;
                    after = now;
                }
                audit.record(
                        tx,
                        new AuditTrail.Action(
                                adminId, action, PRESET, written.getId().toString(), before, after, null));
                return written;
            });
        } catch (DataAccessException e) {
            if (UNIQUE_VIOLATION.equals(e.sqlState())) {
                throw slugTaken(values.getSlug());
            }
            throw e;
        }
        catalog.forgetActiveCopy();
        log.info("event={} admin={} preset={} version={}", action, adminId, stored.getId(), stored.getVersion());
        return stored;
    }

    private static DomainException slugTaken(String slug) {
        return DomainException.conflict(
                "slug_taken", "Another preset already has the slug '" + slug + "'; choose another one.");
    }

    /** The audited fields of a row, as JSON-friendly values (numbers stay numbers, money a decimal string). */
    private Map<String, Object> fields(PresetsRecord r) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("slug", r.getSlug());
        fields.put("name", r.getName());
        fields.put("category", r.getCategory().name());
        fields.put("kind", r.getMediaKind().name());
        fields.put("provider", r.getProvider());
        fields.put("model", r.getModel());
        fields.put("durationSeconds", r.getDurationSeconds());
        fields.put("credits", r.getCredits());
        fields.put("apiCostUsd", AdminStatistics.money(r.getApiCostUsd()));
        fields.put("featured", r.getFeatured());
        fields.put("pro", r.getPro());
        fields.put("promptTemplate", r.getPromptTemplate());
        fields.put("negativePrompt", r.getNegativePrompt());
        fields.put("recipe", r.getRecipe());
        fields.put("aspectRatios", r.getAspectRatios());
        fields.put("defaultAspectRatio", r.getDefaultAspectRatio());
        fields.put("sortOrder", r.getSortOrder());
        fields.put("active", r.getActive());
        return fields;
    }

    /**
     * The row's values from the request: over {@code current} for a PATCH (absent fields keep theirs), alone for a
     * POST or PUT ({@code whole}: required fields must be there). Every value is checked; a refusal names the field.
     */
    private PresetsRecord validated(AdminPresetRequest q, PresetsRecord current, boolean whole) {
        boolean patch = current != null && !whole;
        PresetsRecord base = patch ? current : null;
        PresetsRecord r = new PresetsRecord();

        String slug = pick(q.slug(), base == null ? null : base.getSlug(), "slug");
        if (slug.length() > MAX_SLUG || !SLUG.matcher(slug).matches()) {
            throw invalid(
                    "slug",
                    "slug must be 1 to " + MAX_SLUG
                            + " lowercase letters, digits and single hyphens between them, like 'snow-princess'.");
        }
        boolean slugChanges = current == null || !slug.equals(current.getSlug());
        if (slugChanges && dsl.fetchExists(PRESETS, PRESETS.SLUG.eq(slug))) {
            throw slugTaken(slug);
        }
        r.setSlug(slug);
        r.setName(line("name", pick(q.name(), base == null ? null : base.getName(), "name"), MAX_NAME));
        r.setCategory(pick(q.category(), base == null ? null : base.getCategory(), "category"));
        MediaKind kind = pick(q.kind(), base == null ? null : base.getMediaKind(), "kind");
        r.setMediaKind(kind);

        String provider =
                line("provider", pick(q.provider(), base == null ? null : base.getProvider(), "provider"), 32);
        String model = line("model", pick(q.model(), base == null ? null : base.getModel(), "model"), 200);
        Map<String, Set<String>> known = knownModels();
        if (!known.containsKey(provider)) {
            throw invalid("provider", "provider must be one of " + String.join(", ", known.keySet()) + ".");
        }
        if (!known.get(provider).contains(model)) {
            throw invalid(
                    "model",
                    "model '" + Text.quote(model, 60) + "' is not one the " + provider + " provider runs; known: "
                            + String.join(", ", known.get(provider)) + ".");
        }
        r.setProvider(provider);
        r.setModel(model);

        Integer duration = patch && q.durationSeconds() == null ? base.getDurationSeconds() : q.durationSeconds();
        if (kind == MediaKind.VIDEO) {
            if (duration == null || duration < MIN_VIDEO_SECONDS || duration > MAX_VIDEO_SECONDS) {
                throw invalid(
                        "durationSeconds",
                        "durationSeconds of a video preset must be " + MIN_VIDEO_SECONDS + " to " + MAX_VIDEO_SECONDS
                                + " seconds.");
            }
        } else if (duration != null) {
            if (patch && q.durationSeconds() == null) {
                duration = null; // became a photo preset
            } else {
                throw invalid("durationSeconds", "durationSeconds is for video presets only; leave it out.");
            }
        }
        r.setDurationSeconds(duration);

        int credits = pick(q.credits(), base == null ? null : base.getCredits(), "credits");
        if (credits < MIN_CREDITS || credits > MAX_CREDITS) {
            throw invalid("credits", "credits must be a whole number from " + MIN_CREDITS + " to " + MAX_CREDITS + ".");
        }
        r.setCredits(credits);
        BigDecimal cost = q.apiCostUsd() != null ? usd(q.apiCostUsd()) : base == null ? null : base.getApiCostUsd();
        if (cost == null) {
            throw invalid("apiCostUsd", "apiCostUsd is required.");
        }
        if (cost.signum() < 0
                || cost.compareTo(MAX_API_COST) > 0
                || cost.stripTrailingZeros().scale() > 4) {
            throw invalid(
                    "apiCostUsd",
                    "apiCostUsd must be 0 to 1000 US dollars with at most four decimals, like \"0.0400\".");
        }
        r.setApiCostUsd(cost.setScale(4, RoundingMode.UNNECESSARY));

        r.setFeatured(flag(q.featured(), base == null ? null : base.getFeatured()));
        r.setPro(flag(q.pro(), base == null ? null : base.getPro()));
        String template = pick(q.promptTemplate(), base == null ? null : base.getPromptTemplate(), "promptTemplate");
        if (template.isBlank() || template.length() > MAX_PROMPT_TEMPLATE) {
            throw invalid("promptTemplate", "promptTemplate must be 1 to " + MAX_PROMPT_TEMPLATE + " characters.");
        }
        r.setPromptTemplate(Text.check("promptTemplate", template));
        String negative =
                q.negativePrompt() != null ? q.negativePrompt() : base == null ? "" : base.getNegativePrompt();
        if (negative.length() > MAX_NEGATIVE_PROMPT) {
            throw invalid("negativePrompt", "negativePrompt must be at most " + MAX_NEGATIVE_PROMPT + " characters.");
        }
        r.setNegativePrompt(Text.check("negativePrompt", negative));
        r.setRecipe(q.recipe() != null ? json(q.recipe()) : base == null ? "{}" : base.getRecipe());

        List<String> ratios = q.aspectRatios() != null
                ? q.aspectRatios()
                : base != null
                        ? List.of(base.getAspectRatios().split(","))
                        : kind == MediaKind.VIDEO ? List.of("16:9", "9:16", "1:1") : allRatios();
        List<String> labels = new ArrayList<>();
        for (String ratio : ratios) {
            AspectRatio parsed = AspectRatio.parse(ratio)
                    .orElseThrow(() -> invalid(
                            "aspectRatios", "aspectRatios must be formats among " + AspectRatio.labels() + "."));
            if (!labels.contains(parsed.label())) {
                labels.add(parsed.label());
            }
        }
        if (labels.isEmpty()) {
            throw invalid("aspectRatios", "aspectRatios must name at least one format.");
        }
        r.setAspectRatios(String.join(",", labels));
        String defaultRatio = q.defaultAspectRatio() != null
                ? q.defaultAspectRatio()
                : base != null && labels.contains(base.getDefaultAspectRatio())
                        ? base.getDefaultAspectRatio()
                        : labels.get(0);
        if (!labels.contains(defaultRatio)) {
            throw invalid("defaultAspectRatio", "defaultAspectRatio must be one of the preset's aspectRatios.");
        }
        r.setDefaultAspectRatio(defaultRatio);
        r.setSortOrder(q.sortOrder() != null ? q.sortOrder() : base == null ? 0 : base.getSortOrder());
        r.setActive(q.active() != null ? q.active() : current == null || current.getActive());
        return r;
    }

    private static List<String> allRatios() {
        return Arrays.stream(AspectRatio.values()).map(AspectRatio::label).toList();
    }

    /** The providers and their models the catalog knows: those its presets (seeded or added) run on. */
    private Map<String, Set<String>> knownModels() {
        return dsl
                .selectDistinct(PRESETS.PROVIDER, PRESETS.MODEL)
                .from(PRESETS)
                .orderBy(PRESETS.PROVIDER, PRESETS.MODEL)
                .fetchGroups(PRESETS.PROVIDER, PRESETS.MODEL)
                .entrySet()
                .stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        e -> (Set<String>) new java.util.TreeSet<>(e.getValue()),
                        (a, b) -> a,
                        java.util.TreeMap::new));
    }

    private static <T> T pick(T given, T kept, String field) {
        T value = given != null ? given : kept;
        if (value == null) {
            throw invalid(field, field + " is required.");
        }
        return value;
    }

    private static BigDecimal usd(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw invalid(
                    "apiCostUsd",
                    "apiCostUsd must be 0 to 1000 US dollars with at most four decimals, like \"0.0400\".");
        }
    }

    private static boolean flag(Boolean given, Boolean kept) {
        return given != null ? given : kept != null && kept;
    }

    private static String line(String field, String value, int max) {
        String text = Text.line(field, value).trim();
        if (text.isEmpty() || text.length() > max) {
            throw invalid(field, field + " must be 1 to " + max + " characters on one line.");
        }
        return text;
    }

    private static DomainException invalid(String field, String message) {
        return DomainException.invalid("invalid_" + field, message);
    }

    private String json(Map<String, Object> value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw invalid("recipe", "recipe must be a JSON object.");
        }
    }

    AdminPresetView view(PresetsRecord r) {
        BigDecimal revenue = creditValueUsd.multiply(BigDecimal.valueOf(r.getCredits()));
        BigDecimal margin = revenue.subtract(r.getApiCostUsd());
        BigDecimal pct = revenue.signum() == 0
                ? BigDecimal.ZERO.setScale(1)
                : margin.multiply(BigDecimal.valueOf(100)).divide(revenue, 1, RoundingMode.HALF_UP);
        Map<String, Object> recipe;
        try {
            recipe = mapper.readValue(r.getRecipe(), OBJECT);
        } catch (JsonProcessingException e) {
            recipe = Map.of();
        }
        return new AdminPresetView(
                r.getId(),
                r.getSlug(),
                r.getName(),
                r.getCategory(),
                r.getMediaKind(),
                r.getProvider(),
                r.getModel(),
                r.getDurationSeconds(),
                r.getCredits(),
                AdminStatistics.money(r.getApiCostUsd()),
                AdminStatistics.money(margin),
                pct.toPlainString(),
                r.getFeatured(),
                r.getPro(),
                r.getPromptTemplate(),
                r.getNegativePrompt(),
                PresetCatalog.thumbnailUrl(r),
                recipe,
                List.of(r.getAspectRatios().split(",")),
                r.getDefaultAspectRatio(),
                r.getSortOrder(),
                r.getActive(),
                r.getUsageCount(),
                r.getVersion());
    }
}
