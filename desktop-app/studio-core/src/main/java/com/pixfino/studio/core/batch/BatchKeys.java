package com.pixfino.studio.core.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** The content hash of a file and the Idempotency-Key of an item: SHA-256, lowercase hex. */
final class BatchKeys {

    private BatchKeys() {}

    /** SHA-256 of the file's bytes, streamed. */
    static String contentHash(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * SHA-256 of (batch id, relative path, content hash, preset slug) joined by '\n': the same item sends the same key
     * on every try and every run, so the server charges it once. {@code attempt} > 1 only after the server refunded
     * the earlier generation (failed or canceled), when a rerun really means a new one; it is then appended.
     */
    static String idempotencyKey(UUID batchId, String file, String contentHash, String preset, int attempt) {
        String joined = batchId + "\n" + file + "\n" + contentHash + "\n" + preset;
        if (attempt > 1) {
            joined += "\n" + attempt;
        }
        return HexFormat.of().formatHex(sha256().digest(joined.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
