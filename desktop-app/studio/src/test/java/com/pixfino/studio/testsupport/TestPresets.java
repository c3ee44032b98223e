package com.pixfino.studio.testsupport;

import com.pixfino.model.MediaKind;
import com.pixfino.model.PresetCategory;
import com.pixfino.model.api.PresetView;
import java.math.BigDecimal;
import java.util.List;

/** Presets as the server lists them: featured first. */
public final class TestPresets {

    public static final PresetView SNOW_PRINCESS =
            photo(1, "snow-princess", "Snow Princess", PresetCategory.FANTASY, true, false);
    public static final PresetView LINKEDIN =
            photo(2, "linkedin-headshot", "LinkedIn Headshot", PresetCategory.HEADSHOT, true, false);
    public static final PresetView VOGUE = photo(3, "vogue-cover", "Vogue Cover", PresetCategory.FASHION, false, true);
    public static final PresetView FILM_NOIR =
            photo(4, "film-noir", "Film Noir", PresetCategory.PORTRAIT, false, false);
    public static final PresetView RUNWAY_REEL = new PresetView(
            5,
            "fashion-runway-reel",
            "Fashion Runway Reel",
            PresetCategory.FASHION,
            MediaKind.VIDEO,
            "fal",
            "kling",
            10,
            38,
            new BigDecimal("0.56"),
            new BigDecimal("45.4"),
            false,
            false,
            "",
            "",
            null,
            0,
            List.of("16:9", "9:16"),
            "16:9",
            1);

    private TestPresets() {}

    public static List<PresetView> all() {
        return List.of(SNOW_PRINCESS, LINKEDIN, VOGUE, FILM_NOIR, RUNWAY_REEL);
    }

    private static PresetView photo(
            long id, String slug, String name, PresetCategory category, boolean featured, boolean pro) {
        return new PresetView(
                id,
                slug,
                name,
                category,
                MediaKind.IMAGE,
                "replicate",
                "flux",
                null,
                4,
                new BigDecimal("0.04"),
                new BigDecimal("96.3"),
                featured,
                pro,
                "{prompt}",
                "",
                null,
                0,
                List.of("1:1", "9:16", "16:9"),
                "1:1",
                1);
    }
}
