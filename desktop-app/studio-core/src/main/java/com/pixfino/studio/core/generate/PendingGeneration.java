package com.pixfino.studio.core.generate;

import com.pixfino.model.MediaKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * A generation asked for while the server could not be reached, kept on this computer until it is sent. {@code photo}
 * is the studio's own copy, so it survives the user moving or deleting the original; {@code idempotencyKey} was chosen
 * when Generate was pressed, so however often the request is sent, it is charged once. {@code uploadId} is known once
 * the photo reached the server; {@code firstSentAt} when it was first sent (its answer may have been lost);
 * {@code failure} is the server's sentence when it refused the request; {@code settings} the take's format, seed,
 * group and style.
 */
public record PendingGeneration(
        long id,
        String owner,
        Path photo,
        String contentType,
        long presetId,
        String presetName,
        String prompt,
        MediaKind kind,
        int credits,
        String idempotencyKey,
        UUID uploadId,
        Instant firstSentAt,
        Instant createdAt,
        State state,
        String failure,
        TakeSettings settings) {

    public PendingGeneration {
        settings = settings == null ? TakeSettings.NONE : settings;
    }

    /** Waiting to be sent, or refused by the server (nothing was charged) and kept until the user removes it. */
    public enum State {
        WAITING,
        FAILED
    }

    public boolean isWaiting() {
        return state == State.WAITING;
    }
}
