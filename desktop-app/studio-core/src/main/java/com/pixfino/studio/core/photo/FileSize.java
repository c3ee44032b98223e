package com.pixfino.studio.core.photo;

import java.util.Locale;

/** A byte count as people read it: "37 KB", "4.2 MB". */
public final class FileSize {

    private FileSize() {}

    public static String readable(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
