package com.pixfino.studio.core.photo;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Recognises JPEG, PNG and WebP by their magic bytes and reads the pixel size from the header alone,
 * as the server does before it decodes anything (a 50-megapixel bomb is refused without touching its pixels).
 */
final class ImageHeaders {

    /** Type and size as the header tells them. */
    record Header(String contentType, int width, int height) {}

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] RIFF = ascii("RIFF");
    private static final byte[] WEBP = ascii("WEBP");
    private static final int SNIFF = 32;

    private ImageHeaders() {}

    /** The content type by magic bytes, or empty when it is none of the three. */
    static Optional<String> sniff(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(head, 0, PNG)) {
            return Optional.of("image/png");
        }
        if (startsWith(head, 0, RIFF) && startsWith(head, 8, WEBP)) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    /** HEIC/HEIF/AVIF: an ISO media file ("ftyp" at offset 4), common from phones; worth a specific message. */
    static boolean isHeifFamily(byte[] head) {
        return startsWith(head, 4, ascii("ftyp"));
    }

    static int sniffLength() {
        return SNIFF;
    }

    /** Reads the header of a stream positioned at the start of the file; empty when no size can be found. */
    static Optional<Header> read(String contentType, InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        try {
            return switch (contentType) {
                case "image/png" -> png(data);
                case "image/webp" -> webp(data);
                default -> jpeg(data);
            };
        } catch (EOFException e) {
            return Optional.empty();
        }
    }

    private static Optional<Header> png(DataInputStream in) throws IOException {
        in.skipNBytes(8);
        in.readInt(); // IHDR length
        byte[] type = in.readNBytes(4);
        if (!Arrays.equals(type, ascii("IHDR"))) {
            return Optional.empty();
        }
        return Optional.of(new Header("image/png", in.readInt(), in.readInt()));
    }

    private static Optional<Header> webp(DataInputStream in) throws IOException {
        in.skipNBytes(12);
        String chunk = new String(in.readNBytes(4), StandardCharsets.US_ASCII);
        in.skipNBytes(4); // chunk size
        byte[] b = in.readNBytes(10);
        return switch (chunk) {
            // Lossy: 3-byte frame tag, start code 9D 01 2A, then 14-bit width and height.
            case "VP8 " -> Optional.of(new Header("image/webp", le16(b, 6) & 0x3FFF, le16(b, 8) & 0x3FFF));
            // Lossless: signature 0x2F, then width-1 and height-1 in 14 bits each.
            case "VP8L" -> {
                int bits = (b[1] & 0xFF) | (b[2] & 0xFF) << 8 | (b[3] & 0xFF) << 16 | (b[4] & 0xFF) << 24;
                yield Optional.of(new Header("image/webp", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1));
            }
            // Extended: flags and reserved (4 bytes), then canvas width-1 and height-1 in 24 bits each.
            case "VP8X" -> Optional.of(new Header("image/webp", le24(b, 4) + 1, le24(b, 7) + 1));
            default -> Optional.empty();
        };
    }

    private static Optional<Header> jpeg(DataInputStream in) throws IOException {
        in.skipNBytes(2); // SOI
        while (true) {
            int marker = in.readUnsignedByte();
            if (marker != 0xFF) {
                return Optional.empty();
            }
            int type = in.readUnsignedByte();
            while (type == 0xFF) {
                type = in.readUnsignedByte(); // fill bytes
            }
            if (type == 0xD9 || type == 0xDA) {
                return Optional.empty(); // end of image or start of scan before any frame header
            }
            if (type == 0x01 || (type >= 0xD0 && type <= 0xD7)) {
                continue; // markers without a length
            }
            int length = in.readUnsignedShort();
            if (isStartOfFrame(type)) {
                in.readUnsignedByte(); // precision
                int height = in.readUnsignedShort();
                int width = in.readUnsignedShort();
                return Optional.of(new Header("image/jpeg", width, height));
            }
            in.skipNBytes(length - 2L);
        }
    }

    private static boolean isStartOfFrame(int type) {
        return type >= 0xC0 && type <= 0xCF && type != 0xC4 && type != 0xC8 && type != 0xCC;
    }

    private static int le16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static int le24(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16;
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] magic) {
        return bytes.length >= offset + magic.length
                && Arrays.equals(bytes, offset, offset + magic.length, magic, 0, magic.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
