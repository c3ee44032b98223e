package com.pixfino.model;

/** Preset browser categories, in the order the studio shows them. */
public enum PresetCategory {
    PORTRAIT("Portrait"),
    HEADSHOT("Headshot / LinkedIn"),
    FASHION("Fashion"),
    FANTASY("Fantasy"),
    PRODUCT("Product photo"),
    VIDEO_AD("Video ad");

    private final String label;

    PresetCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
