package com.pixfino.server.providers;

import com.pixfino.model.MediaKind;
import java.util.EnumSet;
import java.util.Set;

/** What a provider can make, and whether it takes the user's photo as input. */
public record Capabilities(Set<MediaKind> kinds, boolean acceptsInputImage) {

    /** Every kind of media, from the user's photo. */
    public static Capabilities everyKindFromPhoto() {
        return new Capabilities(EnumSet.allOf(MediaKind.class), true);
    }

    public boolean canDo(MediaKind kind) {
        return kinds.contains(kind);
    }
}
