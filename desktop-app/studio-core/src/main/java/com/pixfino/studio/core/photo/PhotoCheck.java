package com.pixfino.studio.core.photo;

import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.photo.PhotoRejectedException.Reason;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks a photo before it is uploaded, with the server's rules: JPEG, PNG or WebP by content (not by name),
 * at most 20 MB and 50 megapixels. Reads the header only. Blocking: call off the UI thread.
 */
public final class PhotoCheck {

    public static final long MAX_BYTES = 20L * 1024 * 1024;
    public static final long MAX_PIXELS = 50_000_000L;

    private final UiThreadGuard guard;

    public PhotoCheck(UiThreadGuard guard) {
        this.guard = guard;
    }

    public PhotoInfo check(Path file) throws PhotoRejectedException, IOException {
        guard.refuse("PhotoCheck");
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new PhotoRejectedException(Reason.NOT_A_FILE, file.getFileName());
        }
        long size = Files.size(file);
        if (size == 0) {
            throw new PhotoRejectedException(Reason.EMPTY, file.getFileName());
        }
        if (size > MAX_BYTES) {
            throw new PhotoRejectedException(Reason.TOO_LARGE, megabytes(size), megabytes(MAX_BYTES));
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(ImageHeaders.sniffLength());
        }
        Optional<String> type = ImageHeaders.sniff(head);
        if (type.isEmpty()) {
            throw new PhotoRejectedException(
                    ImageHeaders.isHeifFamily(head) ? Reason.HEIC : Reason.UNSUPPORTED, file.getFileName());
        }
        Optional<ImageHeaders.Header> header;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            header = ImageHeaders.read(type.get(), in);
        }
        if (header.isEmpty() || header.get().width() <= 0 || header.get().height() <= 0) {
            throw new PhotoRejectedException(Reason.DAMAGED, file.getFileName());
        }
        int width = header.get().width();
        int height = header.get().height();
        if ((long) width * height > MAX_PIXELS) {
            throw new PhotoRejectedException(Reason.TOO_MANY_PIXELS, width, height, MAX_PIXELS / 1_000_000);
        }
        return new PhotoInfo(file, type.get(), size, width, height);
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
