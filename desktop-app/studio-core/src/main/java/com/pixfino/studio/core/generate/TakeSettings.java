package com.pixfino.studio.core.generate;

import java.util.UUID;

/**
 * What a waiting take asks for besides its preset and prompt: its negative prompt, format ({@code "9:16"}), seed,
 * the group of takes it belongs to and the style it was made from; each may be null (the server's default).
 */
public record TakeSettings(String negativePrompt, String aspectRatio, Long seed, UUID groupId, UUID styleId) {

    /** Nothing beyond preset and prompt: a request kept before takes existed. */
    public static final TakeSettings NONE = new TakeSettings(null, null, null, null, null);
}
