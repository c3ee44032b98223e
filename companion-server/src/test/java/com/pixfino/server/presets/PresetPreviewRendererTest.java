package com.pixfino.server.presets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.model.PresetCategory;
import com.pixfino.server.db.jooq.tables.records.PresetsRecord;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class PresetPreviewRendererTest {

    private static final Logger log = LoggerFactory.getLogger(PresetPreviewRendererTest.class);
    private final PresetPreviewRenderer renderer = new PresetPreviewRenderer();

    @Test
    void everySeededPresetPreviewsAsASmallSquareJpegOfItsOwnLook() throws Exception {
        List<PresetsRecord> seeded = seeded();
        Set<String> distinct = new HashSet<>();
        long start = System.nanoTime();
        for (PresetsRecord preset : seeded) {
            byte[] jpeg = renderer.render(preset);
            assertThat(jpeg).startsWith(0xFF, 0xD8, 0xFF);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
            assertThat(image.getWidth()).isEqualTo(PresetPreviewRenderer.EDGE);
            assertThat(image.getHeight()).isEqualTo(PresetPreviewRenderer.EDGE);
            assertThat(jpeg.length).as(preset.getSlug()).isBetween(5_000, 120_000);
            distinct.add(com.pixfino.server.domain.Sha256.hex(jpeg));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info("event=previews_rendered count={} millis={}", seeded.size(), millis);
        assertThat(distinct).as("each preset has its own look").hasSize(seeded.size());
    }

    @Test
    void theSamePresetAlwaysGivesTheSameBytes() throws Exception {
        PresetsRecord preset = seeded().get(0);
        assertThat(renderer.render(preset)).isEqualTo(new PresetPreviewRenderer().render(preset));
    }

    @Test
    void productAndVideoAdPresetsPreviewOnTheProductPhotoTheOthersOnThePortrait() {
        assertThat(PresetPreviewRenderer.sampleFor(PresetCategory.PRODUCT)).isEqualTo(PresetPreviewRenderer.PRODUCT);
        assertThat(PresetPreviewRenderer.sampleFor(PresetCategory.VIDEO_AD)).isEqualTo(PresetPreviewRenderer.PRODUCT);
        for (PresetCategory category : List.of(
                PresetCategory.PORTRAIT, PresetCategory.HEADSHOT, PresetCategory.FASHION, PresetCategory.FANTASY)) {
            assertThat(PresetPreviewRenderer.sampleFor(category)).isEqualTo(PresetPreviewRenderer.PORTRAIT);
        }
    }

    @Test
    void aRecipeTheRendererCannotReadPreviewsAsThePlainPhoto() {
        PresetsRecord broken = new PresetsRecord();
        broken.setCategory(PresetCategory.PORTRAIT);
        broken.setRecipe("{\"saturation\":\"lots\"}");
        PresetsRecord plain = new PresetsRecord();
        plain.setCategory(PresetCategory.PORTRAIT);
        plain.setRecipe("{}");
        assertThat(renderer.render(broken)).isEqualTo(renderer.render(plain));
    }

    static List<PresetsRecord> seeded() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        try (InputStream in = PresetPreviewRendererTest.class.getResourceAsStream("/presets/catalog.json")) {
            List<PresetsRecord> presets = new ArrayList<>();
            for (JsonNode node : mapper.readTree(in)) {
                PresetsRecord r = new PresetsRecord();
                r.setSlug(node.get("slug").asText());
                r.setCategory(PresetCategory.valueOf(node.get("category").asText()));
                r.setRecipe(mapper.writeValueAsString(node.get("recipe")));
                presets.add(r);
            }
            return presets;
        }
    }
}
