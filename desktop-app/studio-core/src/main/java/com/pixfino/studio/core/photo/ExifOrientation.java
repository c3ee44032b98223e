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

    /**
     * Where the pixel at (x, y) of a {@code width} × {@code height} image lands once turned upright: at pixel index
     * {@code first + x * stepX + y * stepY} of the upright image; returned as {first, stepX, stepY}.
     */
    static int[] destination(int orientation, int width, int height) {
        int w = width;
        int h = height;
        return switch (orientation) {
            case 1 -> new int[] {0, 1, w};
            case 2 -> new int[] {w - 1, -1, w}; // mirrored horizontally
            case 3 -> new int[] {h * w - 1, -1, -w}; // turned 180°
            case 4 -> new int[] {(h - 1) * w, 1, -w}; // mirrored vertically
            case 5 -> new int[] {0, h, 1}; // transposed
            case 6 -> new int[] {h - 1, h, -1}; // needs a quarter turn clockwise
            case 7 -> new int[] {w * h - 1, -h, -1}; // transversed
            case 8 -> new int[] {(w - 1) * h, -h, 1}; // needs a quarter turn counter-clockwise
            default -> throw new IllegalArgumentException("EXIF orientation out of range: " + orientation);
        };
    }

    /** {@code source} turned upright; the same instance for {@link #NORMAL}. */
    static Pixels apply(Pixels source, int orientation) {
        if (orientation == NORMAL) {
            return source;
        }
        int w = source.width();
        int h = source.height();
        int c = source.channels();
        int[] walk = destination(orientation, w, h);
        byte[] in = source.data();
        byte[] out = new byte[in.length];
        int stepX = walk[1] * c;
        int i = 0;
        for (int y = 0; y < h; y++) {
            int o = (walk[0] + y * walk[2]) * c;
            for (int x = 0; x < w; x++, o += stepX) {
                for (int k = 0; k < c; k++) {
                    out[o + k] = in[i++];
                }
            }
        }
        return swapsAxes(orientation) ? new Pixels(out, h, w, c) : new Pixels(out, w, h, c);
    }
}
