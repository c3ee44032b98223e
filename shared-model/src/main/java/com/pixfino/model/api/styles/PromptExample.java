package com.pixfino.model.api.styles;

import com.pixfino.model.PresetCategory;

/** One curated example prompt of the prompt library, in a preset category. */
public record PromptExample(PresetCategory category, String text) {}
