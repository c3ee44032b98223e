package com.pixfino.studio.admin.presets;

import java.util.Arrays;
import java.util.Optional;

/** The editor's fields, each with its name in the server's requests and refusals ({@code invalid_<wire>}). */
public enum PresetField {
    SLUG("slug"),
    NAME("name"),
    CATEGORY("category"),
    KIND("kind"),
    PROVIDER("provider"),
    MODEL("model"),
    DURATION("durationSeconds"),
    CREDITS("credits"),
    API_COST("apiCostUsd"),
    PROMPT_TEMPLATE("promptTemplate"),
    NEGATIVE_PROMPT("negativePrompt"),
    ASPECT_RATIOS("aspectRatios"),
    DEFAULT_ASPECT_RATIO("defaultAspectRatio"),
    SORT_ORDER("sortOrder"),
    RECIPE("recipe"),
    THUMBNAIL("thumbnail");

    private final String wire;

    PresetField(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The field a server refusal names: {@code invalid_credits}, and {@code slug_taken} for a duplicate slug. */
    public static Optional<PresetField> ofErrorCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        if (code.equals("slug_taken")) {
            return Optional.of(SLUG);
        }
        return Arrays.stream(values())
                .filter(field -> code.equals("invalid_" + field.wire))
                .findFirst();
    }

    /** The bundle key of its label and of its inline error: {@code admin.presets.field.<wire>}. */
    public String key(String kind) {
        return "admin.presets." + kind + "." + wire;
    }
}
