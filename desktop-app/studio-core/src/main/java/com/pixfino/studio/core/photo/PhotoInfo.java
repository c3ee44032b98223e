package com.pixfino.studio.core.photo;

import java.nio.file.Path;

/** A photo that passed the checks the server will make: its type by content, size on disk and pixels. */
public record PhotoInfo(Path file, String contentType, long bytes, int width, int height) {

    public double megapixels() {
        return (double) width * height / 1_000_000;
    }
}
