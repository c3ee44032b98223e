package com.pixfino.server.uploads;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** The image formats we accept, recognised by their magic bytes (never by file name or client MIME type). */
enum UploadFormat {
    JPEG("jpeg", "image/jpeg", "jpg"),
    PNG("png", "image/png", "png"),
    // No WebP writer exists in ImageIO here, so WebP uploads are stored as lossless PNG.
    WEBP("webp", "image/png", "png");

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WEBP_TAG = "WEBP".getBytes(StandardCharsets.US_ASCII);

    private final String imageIoName;
    private final String storedContentType;
    private final String storedExtension;

    UploadFormat(String imageIoName, String storedContentType, String storedExtension) {
        this.imageIoName = imageIoName;
        this.storedContentType = storedContentType;
        this.storedExtension = storedExtension;
    }

    static Optional<UploadFormat> sniff(byte[] bytes) {
        if (startsWith(bytes, 0, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP_TAG)) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /** Format name for {@code ImageIO.getImageReadersByFormatName}. */
    String imageIoName() {
        return imageIoName;
    }

    String storedContentType() {
        return storedContentType;
    }

    String storedExtension() {
        return storedExtension;
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] magic) {
        return bytes.length >= offset + magic.length
                && Arrays.equals(bytes, offset, offset + magic.length, magic, 0, magic.length);
    }
}
