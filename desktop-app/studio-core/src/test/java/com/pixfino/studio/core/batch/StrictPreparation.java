package com.pixfino.studio.core.batch;

import com.pixfino.studio.core.photo.PhotoInfo;
import com.pixfino.studio.core.photo.PhotoPreparation;
import com.pixfino.studio.core.photo.PreparedPhoto;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A stand-in for the real preparer in engine tests: decodes the whole photo (a truncated one fails, as it would when
 * really prepared) and uploads the original untouched. Counts its calls.
 */
final class StrictPreparation implements PhotoPreparation {

    final AtomicInteger calls = new AtomicInteger();

    @Override
    public PreparedPhoto prepare(PhotoInfo photo, Path workDir) throws IOException {
        calls.incrementAndGet();
        try (ImageInputStream in = ImageIO.createImageInputStream(photo.file().toFile())) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("no decoder");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                reader.addIIOReadWarningListener((source, warning) -> {
                    throw new IllegalStateException(warning);
                });
                reader.read(0);
            } catch (IllegalStateException e) {
                throw new IOException(e.getMessage(), e);
            } finally {
                reader.dispose();
            }
        }
        return new PreparedPhoto(photo.file(), photo.contentType(), photo.width(), photo.height(), false);
    }
}
