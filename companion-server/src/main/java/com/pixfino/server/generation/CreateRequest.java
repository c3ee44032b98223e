package com.pixfino.server.generation;

import com.pixfino.model.AspectRatio;
import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.server.db.jooq.tables.records.GenerationsRecord;
import com.pixfino.server.db.jooq.tables.records.PresetsRecord;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.domain.Text;
import com.pixfino.server.presets.PresetCatalog;
import com.pixfino.server.presets.PresetFormats;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A create request checked and resolved before anything is charged: its preset (named, or a style's base preset),
 * and the options the generation records. Every refusal is a 400 (404 for an unknown preset or style) in a sentence.
 */
record CreateRequest(PresetsRecord preset, CreateOptions options) {

    private static final int MAX_PROMPT = 1000;

    /** Turns requests into {@link CreateRequest}s with the active presets and the caller's styles. */
    record Resolver(PresetCatalog presets, StyleLookup styles) {

        CreateRequest resolve(UUID userId, CreateGenerationRequest request) {
            if (request.presetId() == null && request.styleId() == null) {
                throw DomainException.invalid(
                        "missing_preset", "Pick a preset or one of your styles: presetId or styleId is required.");
            }
            if (request.uploadId() == null) {
                throw DomainException.invalid("missing_upload", "Upload a photo first: uploadId is required.");
            }
            String prompt = cleanPrompt("prompt", request.prompt());
            String negativePrompt = cleanPrompt("negativePrompt", request.negativePrompt());
            Optional<AspectRatio> askedFormat = askedFormat(request.aspectRatio());
            long seed = seed(request.seed());
            long presetId;
            if (request.styleId() != null) {
                // the style fills what the request leaves out; its base preset is the one made and charged
                StyleLookup.Style style = styles.style(userId, request.styleId());
                if (request.presetId() != null && request.presetId() != style.basePresetId()) {
                    throw DomainException.invalid(
                            "preset_not_style_base",
                            "presetId " + request.presetId() + " is not this style's preset; leave presetId out to"
                                    + " use the style's.");
                }
                presetId = style.basePresetId();
                prompt = prompt != null ? prompt : cleanPrompt("prompt", style.prompt());
                negativePrompt =
                        negativePrompt != null ? negativePrompt : cleanPrompt("negativePrompt", style.negativePrompt());
                if (askedFormat.isEmpty()) {
                    askedFormat = AspectRatio.parse(style.aspectRatio());
                }
            } else {
                presetId = request.presetId();
            }
            PresetsRecord preset = presets.activePreset(presetId);
            return new CreateRequest(
                    preset,
                    new CreateOptions(
                            prompt,
                            negativePrompt,
                            format(preset, askedFormat),
                            seed,
                            request.seed() != null,
                            request.groupId(),
                            request.styleId()));
        }
    }

    /**
     * Whether a reused key's first generation was made from this same request. Both requests leaving the seed out is
     * the same (the first drew one at random); one naming it and the other not is a change. The format of a
     * generation made before formats were recorded is not compared.
     */
    static boolean same(
            GenerationsRecord existing, PresetsRecord preset, CreateGenerationRequest request, CreateOptions options) {
        return existing.getPresetId().equals(preset.getId())
                && request.uploadId().equals(existing.getUploadId())
                && Objects.equals(existing.getPrompt(), options.prompt())
                && Objects.equals(existing.getNegativePrompt(), options.negativePrompt())
                && (existing.getAspectRatio() == null
                        || existing.getAspectRatio().equals(options.format().label()))
                && options.seedGiven() == Boolean.TRUE.equals(existing.getSeedGiven())
                && (!options.seedGiven() || Objects.equals(existing.getSeed(), options.seed()))
                && Objects.equals(existing.getGroupId(), options.groupId())
                && Objects.equals(existing.getStyleId(), options.styleId());
    }

    /** The format a request names, or empty when it names none; anything but the six labels is a 400. */
    private static Optional<AspectRatio> askedFormat(String aspectRatio) {
        if (aspectRatio == null) {
            return Optional.empty();
        }
        return Optional.of(AspectRatio.parse(aspectRatio)
                .orElseThrow(() -> DomainException.invalid(
                        "invalid_aspect_ratio",
                        "aspectRatio must be one of " + PresetFormats.sentence(List.of(AspectRatio.values()))
                                + " (width:height); '" + Text.quote(aspectRatio, 20) + "' is not one of them.")));
    }

    /** The asked format when the preset's model can make it (else a 400 naming what it makes), or its default. */
    private static AspectRatio format(PresetsRecord preset, Optional<AspectRatio> asked) {
        if (asked.isEmpty()) {
            return PresetFormats.defaultOf(preset);
        }
        List<AspectRatio> offered = PresetFormats.offered(preset);
        if (!offered.contains(asked.get())) {
            throw DomainException.invalid(
                    "unsupported_aspect_ratio",
                    preset.getName() + " cannot make " + asked.get().label() + "; it makes "
                            + PresetFormats.sentence(offered) + ".");
        }
        return asked.get();
    }

    /** The request's seed when it is within 0 … 2^31−1 (else a 400), or a random one. */
    private static long seed(Long seed) {
        if (seed == null) {
            return ThreadLocalRandom.current().nextLong(CreateGenerationRequest.MAX_SEED + 1);
        }
        if (seed < 0 || seed > CreateGenerationRequest.MAX_SEED) {
            throw DomainException.invalid(
                    "invalid_seed",
                    "seed must be a whole number from 0 to " + CreateGenerationRequest.MAX_SEED + "; " + seed
                            + " is not.");
        }
        return seed;
    }

    private static String cleanPrompt(String field, String prompt) {
        if (prompt == null) {
            return null;
        }
        String cleaned = Text.paragraph(field, prompt).trim();
        if (cleaned.length() > MAX_PROMPT) {
            throw DomainException.invalid(
                    "prompt_too_long",
                    "The " + ("prompt".equals(field) ? "prompt" : "negative prompt") + " is too long: " + MAX_PROMPT
                            + " characters at most.");
        }
        return cleaned.isEmpty() ? null : cleaned;
    }
}
