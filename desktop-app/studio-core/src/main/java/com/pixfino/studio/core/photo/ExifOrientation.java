package com.pixfino.studio.core.photo;

import com.drew.imaging.ImageProcessingException;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.webp.WebpMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EXIF orientation tag (1-8), read as the server reads it, and applied to pixels. PNG counts as upright: the
 * server ignores a PNG's eXIf chunk (browsers do not reliably honour it), so a prepared PNG must too.
 */
final class ExifOrientation {

    static final int NORMAL = 1;

    private static final Logger LOG = LoggerFactory.getLogger(ExifOrientation.class);

    private ExifOrientation() {}

    /** The orientation of a JPEG or WebP, {@link #NORMAL} when absent, unreadable or out of range. */
    static int read(byte[] bytes, String contentType) {
        try {
            Metadata metadata = switch (contentType) {
                // Only the APP1 segments: no need to parse ICC, XMP or IPTC to learn one number
                case "image/jpeg" ->
                    JpegMetadataReader.readMetadata(new ByteArrayInputStream(bytes), List.of(new ExifReader()));
                case "image/webp" -> WebpMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
                default -> null;
            };
            ExifIFD0Directory ifd0 =
                    metadata == null ? null : metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            Integer orientation = ifd0 == null ? null : ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
            return orientation != null && orientation >= 1 && orientation <= 8 ? orientation : NORMAL;
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            // Broken metadata should not sink a photo whose pixels decode: the server assumes upright too
            LOG.debug("event=exif_unreadable type={} reason={}", contentType, e.toString());
            return NORMAL;
        }
    }

    /** Whether the orientation turns the photo by a quarter, so width and height swap. */
    static boolean swapsAxes(int orientation) {
        return orientation >= 5;
    }

    /** {@code source} turned upright; the same instance for {@link #NORMAL}. */
    static Pixels apply(Pixels source, int orientation) {
        if (orientation == NORMAL) {
            return source;
        }
        int w = source.width();
        int h = source.height();
        int c = source.channels();
        boolean swap = swapsAxes(orientation);
        int outW = swap ? h : w;
        int outH = swap ? w : h;
        byte[] in = source.data();
        byte[] out = new byte[in.length];
        // Walk the output in order and fetch each pixel from where the orientation says it comes from
        for (int ty = 0; ty < outH; ty++) {
            int o = ty * outW * c;
            for (int tx = 0; tx < outW; tx++, o += c) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { // mirrored horizontally
                        sx = w - 1 - tx;
                        sy = ty;
                    }
                    case 3 -> { // turned 180°
                        sx = w - 1 - tx;
                        sy = h - 1 - ty;
                    }
                    case 4 -> { // mirrored vertically
                        sx = tx;
                        sy = h - 1 - ty;
                    }
                    case 5 -> { // transposed
                        sx = ty;
                        sy = tx;
                    }
                    case 6 -> { // needs a quarter turn clockwise
                        sx = ty;
                        sy = h - 1 - tx;
                    }
                    case 7 -> { // transversed
                        sx = w - 1 - ty;
                        sy = h - 1 - tx;
                    }
                    case 8 -> { // needs a quarter turn counter-clockwise
                        sx = w - 1 - ty;
                        sy = tx;
                    }
                    default -> throw new IllegalArgumentException("EXIF orientation out of range: " + orientation);
                }
                System.arraycopy(in, (sy * w + sx) * c, out, o, c);
            }
        }
        return new Pixels(out, outW, outH, c);
    }
}
