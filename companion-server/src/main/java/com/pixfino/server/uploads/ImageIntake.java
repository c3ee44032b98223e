package com.pixfino.server.uploads;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.geometry.Positions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns uploaded bytes into what we store: checked (size, type, pixel count), decoded, turned
 * upright, stripped of metadata, plus a thumbnail and a blur placeholder. Thread-safe.
 */
public final class ImageIntake {

    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;
    public static final int DEFAULT_THUMBNAIL_EDGE = 400;

    private static final Logger log = LoggerFactory.getLogger(ImageIntake.class);
    private static final float STORED_JPEG_QUALITY = 0.92f;
    private static final float THUMBNAIL_JPEG_QUALITY = 0.85f;
    private static final int PLACEHOLDER_EDGE = 16;
    // The placeholder is shown blurred and inlined in JSON; low quality keeps it a few hundred bytes.
    private static final float PLACEHOLDER_JPEG_QUALITY = 0.6f;

    private final long maxBytes;
    private final int thumbnailEdge;
    private final ImageDecoder decoder;

    public ImageIntake(long maxBytes, long maxPixels, int thumbnailEdge) {
        if (maxBytes <= 0 || maxPixels <= 0 || thumbnailEdge <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxBytes = maxBytes;
        this.thumbnailEdge = thumbnailEdge;
        this.decoder = new ImageDecoder(maxPixels);
    }

    /** With the product defaults: 20 MB, 50 megapixels, 400 px thumbnails. */
    public ImageIntake() {
        this(DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS, DEFAULT_THUMBNAIL_EDGE);
    }

    /**
     * Checks, decodes and re-encodes an upload.
     *
     * @throws UploadRejectedException if the bytes are too big, not JPEG/PNG/WebP, too many pixels, or corrupt
     */
    public ProcessedUpload process(byte[] bytes) {
        UploadFormat format = checkedFormat(bytes);
        BufferedImage decoded = PixelFormats.normalise(decoder.decode(bytes, format));
        int orientation = ExifOrientation.read(bytes, format);
        BufferedImage upright = ExifOrientation.apply(decoded, orientation);

        byte[] stored = format == UploadFormat.JPEG
                ? ImageEncoder.jpeg(PixelFormats.flattenOnWhite(upright), STORED_JPEG_QUALITY)
                : ImageEncoder.png(upright);
        BufferedImage thumbnail = scaleToLongEdge(PixelFormats.flattenOnWhite(upright), thumbnailEdge);
        BufferedImage placeholder = scaleToLongEdge(thumbnail, PLACEHOLDER_EDGE);

        log.debug(
                "upload processed format={} width={} height={} orientation={} storedBytes={}",
                format,
                upright.getWidth(),
                upright.getHeight(),
                orientation,
                stored.length);
        return new ProcessedUpload(
                stored,
                format.storedContentType(),
                format.storedExtension(),
                upright.getWidth(),
                upright.getHeight(),
                ImageEncoder.jpeg(thumbnail, THUMBNAIL_JPEG_QUALITY),
                "data:image/jpeg;base64,"
                        + Base64.getEncoder().encodeToString(ImageEncoder.jpeg(placeholder, PLACEHOLDER_JPEG_QUALITY)));
    }

    /**
     * Checks an image as {@link #process} does and answers its centre square as a JPEG of {@code edge} × {@code edge}
     * pixels (a smaller one is enlarged), upright, on white, without metadata: a preset's preview picture.
     *
     * @throws UploadRejectedException if the bytes are too big, not JPEG/PNG/WebP, too many pixels, or corrupt
     */
    public byte[] squarePreview(byte[] bytes, int edge) {
        UploadFormat format = checkedFormat(bytes);
        BufferedImage decoded = PixelFormats.normalise(decoder.decode(bytes, format));
        BufferedImage upright = ExifOrientation.apply(decoded, ExifOrientation.read(bytes, format));
        try {
            BufferedImage square = Thumbnails.of(PixelFormats.flattenOnWhite(upright))
                    .size(edge, edge)
                    .crop(Positions.CENTER)
                    .asBufferedImage();
            return ImageEncoder.jpeg(PixelFormats.flattenOnWhite(square), THUMBNAIL_JPEG_QUALITY);
        } catch (IOException e) {
            throw new UncheckedIOException("scaling in memory failed", e);
        }
    }

    /** The format of bytes that are not empty, within the size limit, and of a type we take (by their content). */
    private UploadFormat checkedFormat(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw UploadRejectedException.invalidImage("the file is empty", null);
        }
        if (bytes.length > maxBytes) {
            throw UploadRejectedException.fileTooLarge(bytes.length, maxBytes);
        }
        return UploadFormat.sniff(bytes).orElseThrow(UploadRejectedException::unsupportedMediaType);
    }

    /** Shrinks so the long edge is {@code edge}; never enlarges. Returns {@code TYPE_INT_RGB}. */
    private static BufferedImage scaleToLongEdge(BufferedImage rgb, int edge) {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        int longEdge = Math.max(w, h);
        if (longEdge <= edge) {
            return rgb;
        }
        double scale = (double) edge / longEdge;
        int targetW = w >= h ? edge : Math.max(1, (int) Math.round(w * scale));
        int targetH = h > w ? edge : Math.max(1, (int) Math.round(h * scale));
        try {
            return PixelFormats.flattenOnWhite(
                    Thumbnails.of(rgb).forceSize(targetW, targetH).asBufferedImage());
        } catch (IOException e) {
            // Thumbnailator declares IOException for file sources; an in-memory source cannot throw it.
            throw new UncheckedIOException("scaling in memory failed", e);
        }
    }
}
