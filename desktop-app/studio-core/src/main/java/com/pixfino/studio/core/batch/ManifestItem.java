package com.pixfino.studio.core.batch;

import java.util.UUID;

/**
 * One file × preset as the manifest keeps it. {@code sent}: the create request may have reached the server (so it is
 * paid for, or will be when re-sent with the same key); {@code refunded}: the server gave the credits of
 * {@code generationId} back, so running the item again charges once more; {@code output}: relative to the output
 * folder, '/'-separated.
 */
record ManifestItem(
        String file,
        String preset,
        String contentHash,
        long presetId,
        ItemStatus status,
        int attempt,
        boolean sent,
        UUID generationId,
        int credits,
        boolean refunded,
        String output,
        String error) {

    String key() {
        return key(file, preset);
    }

    static String key(String file, String preset) {
        return file + "\n" + preset;
    }

    /** Charged (or possibly charged) and not refunded: running it again costs nothing. */
    boolean paid() {
        return generationId != null ? !refunded : sent;
    }

    ManifestItem with(ItemStatus newStatus, String newError) {
        return new ManifestItem(
                file,
                preset,
                contentHash,
                presetId,
                newStatus,
                attempt,
                sent,
                generationId,
                credits,
                refunded,
                output,
                newError);
    }

    ManifestItem sent(boolean value) {
        return new ManifestItem(
                file,
                preset,
                contentHash,
                presetId,
                status,
                attempt,
                value,
                generationId,
                credits,
                refunded,
                output,
                error);
    }

    ManifestItem generation(UUID id, int charged) {
        return new ManifestItem(
                file, preset, contentHash, presetId, status, attempt, true, id, charged, false, output, error);
    }

    ManifestItem asRefunded() {
        return new ManifestItem(
                file, preset, contentHash, presetId, status, attempt, sent, generationId, 0, true, output, error);
    }

    /** The earlier generation was refunded: the next try is a new generation under a new key. */
    ManifestItem nextAttempt() {
        return new ManifestItem(
                file,
                preset,
                contentHash,
                presetId,
                ItemStatus.PENDING,
                attempt + 1,
                false,
                null,
                0,
                false,
                output,
                null);
    }

    ManifestItem output(String value) {
        return new ManifestItem(
                file,
                preset,
                contentHash,
                presetId,
                status,
                attempt,
                sent,
                generationId,
                credits,
                refunded,
                value,
                error);
    }

    ManifestItem content(String hash, long newPresetId) {
        return new ManifestItem(
                file, preset, hash, newPresetId, status, attempt, sent, generationId, credits, refunded, output, error);
    }
}
