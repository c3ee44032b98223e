package com.pixfino.studio.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.model.PresetCategory;
import com.pixfino.model.api.PresetView;
import com.pixfino.server.db.jooq.tables.records.PresetsRecord;
import com.pixfino.server.presets.PresetPreviewRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Real preview pictures for the test presets: the server's own renderer applied to the seeded recipe of the preset
 * with the same slug, as the companion server renders them at its first start.
 */
public final class PresetPictureBytes {

    private static final PresetPreviewRenderer RENDERER = new PresetPreviewRenderer();

    private PresetPictureBytes() {}

    /** The JPEG the server would serve for this preset. */
    public static byte[] of(PresetView preset) {
        PresetsRecord row = new PresetsRecord();
        row.setSlug(preset.slug());
        row.setCategory(preset.category() == null ? PresetCategory.PORTRAIT : preset.category());
        row.setRecipe(seededRecipe(preset.slug()));
        return RENDERER.render(row);
    }

    /** The preset as the server lists it once its picture exists. */
    public static PresetView withPicture(PresetView p) {
        return new PresetView(
                p.id(),
                p.slug(),
                p.name(),
                p.category(),
                p.kind(),
                p.provider(),
                p.model(),
                p.durationSeconds(),
                p.credits(),
                p.apiCostUsd(),
                p.marginPercent(),
                p.featured(),
                p.pro(),
                p.promptTemplate(),
                p.negativePrompt(),
                "/api/v1/presets/" + p.id() + "/thumbnail",
                p.usageCount(),
                p.aspectRatios(),
                p.defaultAspectRatio(),
                p.version());
    }

    private static String seededRecipe(String slug) {
        ObjectMapper mapper = new ObjectMapper();
        try (InputStream in = PresetPictureBytes.class.getResourceAsStream("/presets/catalog.json")) {
            for (JsonNode preset : mapper.readTree(in)) {
                if (preset.get("slug").asText().equals(slug)) {
                    return mapper.writeValueAsString(preset.get("recipe"));
                }
            }
            return "{}";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
