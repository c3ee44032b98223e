package com.pixfino.studio.core.batch;

import java.util.List;

/**
 * What a batch will cost, before anything is spent. {@code items} = files × presets; {@code alreadyDone} = items
 * finished by an earlier run (manifest); {@code toPay} = items not yet paid for (an item whose create may have reached
 * the server is not counted); {@code credits} = what {@code toPay} costs; {@code balance} = the user's balance now.
 */
public record BatchEstimate(
        int files,
        int presets,
        int items,
        int alreadyDone,
        int toPay,
        long credits,
        long balance,
        Long maxCredits,
        List<SkippedFile> skipped) {

    public BatchEstimate {
        skipped = List.copyOf(skipped);
    }

    /** The balance pays for every item still to pay. */
    public boolean enoughCredits() {
        return balance >= credits;
    }
}
