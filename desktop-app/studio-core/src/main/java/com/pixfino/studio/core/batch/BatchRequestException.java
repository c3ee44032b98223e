package com.pixfino.studio.core.batch;

import java.io.IOException;

/**
 * The request cannot run as given (missing input folder, a naming template that leaves the output folder, no
 * preset…): the message says what to change (CLI exit code 2).
 */
public final class BatchRequestException extends IOException {

    public BatchRequestException(String message) {
        super(message);
    }
}
