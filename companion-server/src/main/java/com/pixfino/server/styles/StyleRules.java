package com.pixfino.server.styles;

import com.pixfino.model.AspectRatio;
import com.pixfino.server.db.jooq.tables.records.PresetsRecord;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.domain.Text;
import com.pixfino.server.presets.PresetFormats;
import java.util.List;

/** What a style's fields may hold; every refusal is a 400 with a sentence naming the field. */
final class StyleRules {

    static final int MAX_NAME_LENGTH = 60;
    static final int MAX_PROMPT_LENGTH = 1000;
    static final int MAX_NEGATIVE_PROMPT_LENGTH = 500;

    private StyleRules() {}

    /** Trimmed, 1–60 characters, one line. */
    static String name(String name) {
        if (name == null) {
            throw DomainException.invalid("missing_name", "A style needs a name: name is required.");
        }
        String trimmed = Text.line("name", name).trim();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length < 1 || length > MAX_NAME_LENGTH) {
            throw DomainException.invalid(
                    "invalid_name", "A style's name is 1 to " + MAX_NAME_LENGTH + " characters after trimming.");
        }
        return trimmed;
    }

    /** Multi-line text folded to one line and trimmed; empty is allowed (the preset's own prompt is used then). */
    static String prompt(String field, String text, int max) {
        if (text == null) {
            return "";
        }
        String folded = Text.paragraph(field, text).trim();
        if (folded.codePointCount(0, folded.length()) > max) {
            throw DomainException.invalid("invalid_" + snake(field), field + " is " + max + " characters at most.");
        }
        return folded;
    }

    static AspectRatio aspectRatio(String text) {
        return AspectRatio.parse(text)
                .orElseThrow(() -> DomainException.invalid(
                        "invalid_aspect_ratio",
                        "aspectRatio '" + Text.quote(text, 20) + "' is not a format we make; use one of "
                                + AspectRatio.labels() + "."));
    }

    /** The one place that checks a style's format against its base preset: a 400 naming what the preset makes. */
    static void checkSupported(PresetsRecord preset, AspectRatio ratio) {
        List<AspectRatio> offered = PresetFormats.offered(preset);
        if (!offered.contains(ratio)) {
            throw DomainException.invalid(
                    "unsupported_aspect_ratio",
                    preset.getName() + " cannot make " + ratio.label() + "; it makes " + PresetFormats.sentence(offered)
                            + ".");
        }
    }

    /** The format a style gets when the request names none: the base preset's default. */
    static AspectRatio defaultFor(PresetsRecord preset) {
        return PresetFormats.defaultOf(preset);
    }

    private static String snake(String field) {
        return field.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
