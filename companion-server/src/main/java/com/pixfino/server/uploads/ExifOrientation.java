package com.pixfino.server.uploads;

import com.drew.imaging.ImageProcessingException;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.webp.WebpMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the EXIF orientation tag (1-8) and turns pixels upright, since we strip the tag on storing. */
final class ExifOrientation {

    static final int NORMAL = 1;

    private static final Logger log = LoggerFactory.getLogger(ExifOrientation.class);

    private ExifOrientation() {}

    /** The EXIF orientation of a JPEG or WebP, or {@link #NORMAL} if absent, unreadable or out of range. */
    static int read(byte[] bytes, UploadFormat format) {
        if (format == UploadFormat.PNG) {
            return NORMAL; // browsers do not reliably honour PNG eXIf, so neither do we
        }
        try {
            Metadata metadata = format == UploadFormat.JPEG
                    ? JpegMetadataReader.readMetadata(new ByteArrayInputStream(bytes))
                    : WebpMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (ifd0 == null || !ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                return NORMAL;
            }
            int orientation = ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            return orientation >= 1 && orientation <= 8 ? orientation : NORMAL;
        } catch (ImageProcessingException | IOException | MetadataException | RuntimeException e) {
            // Broken metadata should not sink an image whose pixels decode fine.
            log.debug("unreadable EXIF, assuming upright format={} reason={}", format, e.toString());
            return NORMAL;
        }
    }

    /**
     * Returns {@code image} turned upright for the given orientation.
     *
     * @param image a {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB} image (see {@link PixelFormats})
     */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation == NORMAL) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swapsAxes = orientation >= 5;
        int outW = swapsAxes ? h : w;
        BufferedImage out = new BufferedImage(outW, swapsAxes ? w : h, image.getType());
        int[] src = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        // Plain index remapping: exact, and far faster than Graphics2D with an AffineTransform.
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int tx;
                int ty;
                switch (orientation) {
                    case 2 -> {
                        tx = w - 1 - x;
                        ty = y;
                    } // mirror horizontal
                    case 3 -> {
                        tx = w - 1 - x;
                        ty = h - 1 - y;
                    } // rotate 180
                    case 4 -> {
                        tx = x;
                        ty = h - 1 - y;
                    } // mirror vertical
                    case 5 -> {
                        tx = y;
                        ty = x;
                    } // transpose
                    case 6 -> {
                        tx = h - 1 - y;
                        ty = x;
                    } // rotate 90 clockwise
                    case 7 -> {
                        tx = h - 1 - y;
                        ty = w - 1 - x;
                    } // transverse
                    case 8 -> {
                        tx = y;
                        ty = w - 1 - x;
                    } // rotate 90 counter-clockwise
                    default -> throw new IllegalArgumentException("EXIF orientation out of range: " + orientation);
                }
                dst[ty * outW + tx] = src[y * w + x];
            }
        }
        return out;
    }
}
