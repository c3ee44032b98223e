package com.pixfino.studio.core.batch;

import java.io.IOException;
import java.util.List;

/** A preset slug of the request is not one the server offers: the message names the known slugs (CLI exit code 2). */
public final class UnknownPresetException extends IOException {

    private final String slug;
    private final List<String> known;

    public UnknownPresetException(String slug, List<String> known) {
        super("There is no preset \"" + slug + "\". Known presets: " + String.join(", ", known) + ".");
        this.slug = slug;
        this.known = List.copyOf(known);
    }

    public String slug() {
        return slug;
    }

    public List<String> known() {
        return known;
    }
}
