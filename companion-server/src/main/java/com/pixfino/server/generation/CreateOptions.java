package com.pixfino.server.generation;

import com.pixfino.model.AspectRatio;
import java.util.UUID;

/**
 * What a create asks for beyond the preset and the photo, cleaned and resolved, as the generation's row records it.
 *
 * @param seedGiven whether the request named the seed (a drawn one is not compared when a key is reused)
 */
public record CreateOptions(
        String prompt,
        String negativePrompt,
        AspectRatio format,
        long seed,
        boolean seedGiven,
        UUID groupId,
        UUID styleId) {}
