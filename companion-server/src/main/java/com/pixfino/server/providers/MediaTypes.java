package com.pixfino.server.providers;

import com.pixfino.model.MediaKind;
import java.net.URI;
import java.util.Locale;

/** The content type of a result link, from its file extension; providers that give only a URL need it. */
public final class MediaTypes {

    private MediaTypes() {}

    /** The type the link's extension names; for an unknown extension, MP4 for video and null (let the download tell) for images. */
    public static String guess(URI url, MediaKind kind) {
        String path = url.getPath() == null ? "" : url.getPath().toLowerCase(Locale.ROOT);
        if (path.endsWith(".png")) {
            return "image/png";
        }
        if (path.endsWith(".jpg") || path.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (path.endsWith(".webp")) {
            return "image/webp";
        }
        if (path.endsWith(".mp4")) {
            return "video/mp4";
        }
        return kind == MediaKind.VIDEO ? "video/mp4" : null;
    }
}
