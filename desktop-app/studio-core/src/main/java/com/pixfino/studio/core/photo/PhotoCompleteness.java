package com.pixfino.studio.core.photo;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * Whether a photo that passed {@link PhotoCheck} is whole, before anything is paid for it. {@link #looksComplete} reads
 * only the file's ends (a JPEG ends with its EOI marker, a PNG with its IEND chunk, a WebP's RIFF size matches the
 * file); a file failing that is fully decoded by {@link #verify}, which throws when it does not decode. Blocking.
 */
public final class PhotoCompleteness {

    private static final int TAIL = 4096;
    private static final byte[] IEND = "IEND".getBytes(StandardCharsets.US_ASCII);

    private PhotoCompleteness() {}

    /** True when the file's end is where its format says it ends; cheap (reads at most 4 KB). */
    public static boolean looksComplete(PhotoInfo photo) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(photo.file().toFile(), "r")) {
            long size = file.length();
            int length = (int) Math.min(size, TAIL);
            byte[] tail = new byte[length];
            file.seek(size - length);
            file.readFully(tail);
            return switch (photo.contentType()) {
                case "image/jpeg" -> jpegEnds(tail);
                case "image/png" -> pngEnds(tail);
                case "image/webp" -> webpEnds(file, size);
                default -> true;
            };
        }
    }

    /**
     * Decodes the whole photo (at reduced scale where the codec allows) and throws when it cannot: a truncated or
     * corrupt file.
     *
     * @throws IOException saying why the photo does not decode
     */
    public static void verify(PhotoInfo photo) throws IOException {
        byte[] bytes = Files.readAllBytes(photo.file());
        PhotoDecoder.decode(bytes, photo.contentType(), PhotoPreparation.DEFAULT_LONG_EDGE);
    }

    /** {@link #looksComplete}, and when it does not, {@link #verify}: throws only for a photo that does not decode. */
    public static void check(PhotoInfo photo) throws IOException {
        if (!looksComplete(photo)) {
            verify(photo);
        }
    }

    private static boolean jpegEnds(byte[] tail) {
        int end = tail.length;
        while (end > 0 && tail[end - 1] == 0) {
            end--; // some writers pad after the end marker
        }
        return end >= 2 && (tail[end - 2] & 0xFF) == 0xFF && (tail[end - 1] & 0xFF) == 0xD9;
    }

    private static boolean pngEnds(byte[] tail) {
        int at = tail.length - 8; // the IEND chunk: length 0, "IEND", a 4-byte CRC
        if (at < 0) {
            return false;
        }
        for (int i = 0; i < IEND.length; i++) {
            if (tail[at + i] != IEND[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean webpEnds(RandomAccessFile file, long size) throws IOException {
        if (size < 12) {
            return false;
        }
        byte[] head = new byte[8];
        file.seek(0);
        file.readFully(head);
        long riff = (head[4] & 0xFFL) | (head[5] & 0xFFL) << 8 | (head[6] & 0xFFL) << 16 | (head[7] & 0xFFL) << 24;
        return riff + 8 == size;
    }
}
