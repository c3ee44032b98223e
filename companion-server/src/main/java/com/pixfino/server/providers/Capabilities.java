package com.pixfino.server.providers;

import com.pixfino.model.MediaKind;
import java.util.Set;

/** What a provider can make, and whether it takes the user's photo as input. */
public record Capabilities(Set<MediaKind> kinds, boolean acceptsInputImage) {

    public boolean canDo(MediaKind kind) {
        return kinds.contains(kind);
    }
}
