package com.pixfino.studio.core.photo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Prepares photos for upload: turns them upright by their EXIF orientation and caps the long edge, decoding no more
 * pixels than needed (JPEG rows and columns skipped while decoding when the photo is at least twice the cap), then
 * shrinking with a cubic kernel and writing a JPEG of quality 0.9 without metadata. Photos with transparency stay PNG,
 * since JPEG would lose it. A photo already upright and within the cap is returned as it is, after a full decode
 * that proves it is not damaged. Deterministic: the same file always gives the same bytes, so the server's upload
 * dedup recognises it again. Thread-safe.
 */
public final class PhotoPreparer implements PhotoPreparation {

    public static final float DEFAULT_JPEG_QUALITY = 0.9f;

    private final int longEdge;
    private final float jpegQuality;
    private final PixelScaler scaler;

    /** Caps the long edge at {@link #DEFAULT_LONG_EDGE}. */
    public PhotoPreparer() {
        this(DEFAULT_LONG_EDGE);
    }

    public PhotoPreparer(int longEdge) {
        this(longEdge, DEFAULT_JPEG_QUALITY);
    }

    public PhotoPreparer(int longEdge, float jpegQuality) {
        this(longEdge, jpegQuality, PixelScaler.Filter.CUBIC);
    }

    PhotoPreparer(int longEdge, float jpegQuality, PixelScaler.Filter filter) {
        if (longEdge < 1) {
            throw new IllegalArgumentException("the long edge must be at least 1 pixel, not " + longEdge);
        }
        if (!(jpegQuality > 0f && jpegQuality <= 1f)) {
            throw new IllegalArgumentException("the JPEG quality is between 0 and 1, not " + jpegQuality);
        }
        this.longEdge = longEdge;
        this.jpegQuality = jpegQuality;
        this.scaler = new PixelScaler(filter);
    }

    public int longEdge() {
        return longEdge;
    }

    @Override
    public PreparedPhoto prepare(PhotoInfo photo, Path workDir) throws IOException {
        byte[] bytes = Files.readAllBytes(photo.file()); // at most 20 MB: PhotoCheck passed it
        String type = photo.contentType();
        int orientation = ExifOrientation.read(bytes, type);
        PhotoDecoder.Decoded decoded = PhotoDecoder.decode(bytes, type, longEdge);
        int fullW = decoded.fullWidth();
        int fullH = decoded.fullHeight();
        boolean tooLarge = Math.max(fullW, fullH) > longEdge;
        if (!tooLarge && orientation == ExifOrientation.NORMAL) {
            return new PreparedPhoto(photo.file(), type, fullW, fullH, false);
        }

        Pixels pixels = Pixels.of(decoded.image());
        boolean transparent = pixels.anyTransparent();
        if (pixels.hasAlpha() && !transparent) {
            pixels = pixels.withoutAlpha();
        }
        if (tooLarge) {
            // The size follows from the full size, not the subsampled one, so it does not depend on the decode step
            double scale = (double) longEdge / Math.max(fullW, fullH);
            int w = fullW >= fullH ? longEdge : Math.max(1, (int) Math.round(fullW * scale));
            int h = fullH > fullW ? longEdge : Math.max(1, (int) Math.round(fullH * scale));
            pixels = transparent
                    ? scaler.scale(pixels.premultiplied(), w, h).straightened()
                    : scaler.scale(pixels, w, h);
        }
        pixels = ExifOrientation.apply(pixels, orientation);

        String outType = transparent ? "image/png" : "image/jpeg";
        byte[] encoded =
                transparent ? PhotoEncoder.png(pixels.toImage()) : PhotoEncoder.jpeg(pixels.toImage(), jpegQuality);
        Files.createDirectories(workDir);
        Path out = Files.createTempFile(workDir, stem(photo.file()) + "-", transparent ? ".png" : ".jpg");
        Files.write(out, encoded);
        return new PreparedPhoto(out, outType, pixels.width(), pixels.height(), true);
    }

    /** The file name without its extension, reduced to characters safe in any file system. */
    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9_-]", "_");
        return stem.substring(0, Math.min(stem.length(), 40)).toLowerCase(Locale.ROOT);
    }
}
