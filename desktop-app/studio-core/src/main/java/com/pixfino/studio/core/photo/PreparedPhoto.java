package com.pixfino.studio.core.photo;

import java.nio.file.Path;

/**
 * A photo ready to upload: either the original file, untouched, or a smaller copy with its EXIF orientation applied.
 * The same source bytes always give the same prepared bytes, so the server's upload dedup recognises a photo again.
 */
public record PreparedPhoto(Path file, String contentType, int width, int height, boolean resized) {}
