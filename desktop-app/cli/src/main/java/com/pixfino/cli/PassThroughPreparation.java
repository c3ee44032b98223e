package com.pixfino.cli;

import com.pixfino.studio.core.photo.PhotoInfo;
import com.pixfino.studio.core.photo.PhotoPreparation;
import com.pixfino.studio.core.photo.PreparedPhoto;
import java.nio.file.Path;

/** Uploads each checked photo as it is, until the core's preparer (resize, EXIF orientation) is wired in. */
final class PassThroughPreparation implements PhotoPreparation {

    @Override
    public PreparedPhoto prepare(PhotoInfo photo, Path workDir) {
        return new PreparedPhoto(photo.file(), photo.contentType(), photo.width(), photo.height(), false);
    }
}
