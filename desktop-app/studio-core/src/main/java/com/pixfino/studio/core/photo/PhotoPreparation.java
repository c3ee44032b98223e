package com.pixfino.studio.core.photo;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Makes a checked photo ready to upload (batch engine, CLI): applies the EXIF orientation and caps the long edge,
 * writing a copy only when something changes. Safe to call from several threads at once. Blocking: call off the UI
 * thread.
 */
public interface PhotoPreparation {

    /** The long edge a batch uploads by default, in pixels. */
    int DEFAULT_LONG_EDGE = 2048;

    /**
     * @param photo a photo that passed {@link PhotoCheck}
     * @param workDir where a prepared copy may be written (created when missing); the caller removes it
     * @throws IOException when the photo cannot be read or decoded (a damaged file): the caller skips it
     */
    PreparedPhoto prepare(PhotoInfo photo, Path workDir) throws IOException;
}
