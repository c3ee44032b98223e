package com.pixfino.studio.core.generate;

import com.pixfino.model.AspectRatio;
import com.pixfino.model.api.CreateGenerationRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * What one press of Create asks for: {@code count} takes (1–4) of one preset or style on one photo. Each take is its
 * own request, charged on its own; {@code lockedSeed}, when set, gives take i the seed {@code lockedSeed + i}, else
 * every take gets a random seed of its own. {@code format} and {@code styleId} may be null (the preset's or style's
 * defaults).
 */
public record Takes(
        long presetId,
        String prompt,
        String negativePrompt,
        AspectRatio format,
        int count,
        Long lockedSeed,
        UUID styleId) {

    public static final int MAX = 4;

    public Takes {
        if (count < 1 || count > MAX) {
            throw new IllegalArgumentException("takes must be 1 to " + MAX + ": " + count);
        }
        if (lockedSeed != null && (lockedSeed < 0 || lockedSeed > CreateGenerationRequest.MAX_SEED)) {
            throw new IllegalArgumentException("seed out of range: " + lockedSeed);
        }
    }

    /** One take as before: the preset's format, a seed the server chooses, no style. */
    public static Takes single(long presetId, String prompt) {
        return new Takes(presetId, prompt, null, null, 1, null, null);
    }

    /**
     * The seed of each take: {@code lockedSeed + i} (wrapping past 2^31−1) when locked; otherwise distinct random
     * seeds, or none for a single unlocked take (the server chooses and records one).
     */
    public List<Long> seeds(RandomGenerator random) {
        List<Long> seeds = new ArrayList<>(count);
        if (lockedSeed != null) {
            for (int i = 0; i < count; i++) {
                seeds.add((lockedSeed + i) % (CreateGenerationRequest.MAX_SEED + 1));
            }
            return seeds;
        }
        if (count == 1) {
            seeds.add(null);
            return seeds;
        }
        Set<Long> distinct = new LinkedHashSet<>();
        while (distinct.size() < count) {
            distinct.add(random.nextLong(CreateGenerationRequest.MAX_SEED + 1));
        }
        seeds.addAll(distinct);
        return seeds;
    }

    /** The request of one take; {@code groupId} ties the takes together and is left out for a single take. */
    public CreateGenerationRequest request(UUID uploadId, Long seed, UUID groupId) {
        return new CreateGenerationRequest(
                presetId,
                uploadId,
                prompt,
                negativePrompt,
                format == null ? null : format.label(),
                seed,
                count > 1 ? groupId : null,
                styleId);
    }
}
