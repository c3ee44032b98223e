package com.pixfino.server.uploads;

/**
 * An accepted upload, ready to store.
 *
 * @param bytes              the re-encoded image, upright and without any metadata
 * @param contentType        MIME type of {@code bytes} ({@code image/jpeg} or {@code image/png})
 * @param extension          file extension for {@code bytes}, without the dot ({@code jpg} or {@code png})
 * @param width              width of the stored image, after applying EXIF orientation
 * @param height             height of the stored image, after applying EXIF orientation
 * @param thumbnail          JPEG thumbnail whose long edge is at most the configured edge
 * @param placeholderDataUrl tiny blurred-looking JPEG as a {@code data:image/jpeg;base64,...} URL
 */
public record ProcessedUpload(
        byte[] bytes,
        String contentType,
        String extension,
        int width,
        int height,
        byte[] thumbnail,
        String placeholderDataUrl) {}
