package com.pixfino.studio.core.generate;

import com.pixfino.studio.core.net.CompanionHttpException;
import com.pixfino.studio.core.photo.PhotoInfo;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The photo a generation is made from: a checked file on this computer (uploaded once before the first take), or a
 * photo the server already has ("Use again" on a past result), sent by its upload id and never uploaded again.
 */
public sealed interface PhotoSource {

    /** A checked photo file on this computer. */
    record Local(PhotoInfo photo) implements PhotoSource {
        public Local {
            Objects.requireNonNull(photo, "photo");
        }
    }

    /** A photo uploaded earlier; the server may have let it expire (then it answers 404 or 410). */
    record Uploaded(UUID uploadId) implements PhotoSource {
        public Uploaded {
            Objects.requireNonNull(uploadId, "uploadId");
        }
    }

    static PhotoSource local(PhotoInfo photo) {
        return new Local(photo);
    }

    static PhotoSource uploaded(UUID uploadId) {
        return new Uploaded(uploadId);
    }

    /**
     * Whether the server refused a request from an earlier upload because it no longer has that photo: 410, or 404
     * about the upload (a 404 about a style or preset is another matter).
     */
    static boolean expired(Exception error) {
        if (!(error instanceof CompanionHttpException http)) {
            return false;
        }
        String said = http.getMessage() == null ? "" : http.getMessage().toLowerCase(Locale.ROOT);
        return http.statusCode() == 410
                || http.statusCode() == 404 && !said.contains("style") && !said.contains("preset");
    }
}
