package com.pixfino.server.providers.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Zeroes the creation and modification times an MP4 muxer stamps into the movie, track and media headers
 * ({@code mvhd}, {@code tkhd}, {@code mdhd}), so a clip rendered twice from the same photo and seed is the same bytes.
 * Zero is the format's "unknown". Only the {@code moov} box is read and rewritten in place; its size never changes.
 */
final class Mp4Times {

    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia");
    private static final Set<String> TIMED = Set.of("mvhd", "tkhd", "mdhd");

    private Mp4Times() {}

    static void clear(Path mp4) throws IOException {
        try (FileChannel file = FileChannel.open(mp4, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long position = 0;
            long end = file.size();
            ByteBuffer header = ByteBuffer.allocate(16);
            while (position + 8 <= end) {
                header.clear().limit(16);
                file.read(header, position);
                header.flip();
                long size = Integer.toUnsignedLong(header.getInt());
                String type = type(header);
                int headerLength = 8;
                if (size == 1 && header.remaining() >= 8) {
                    size = header.getLong();
                    headerLength = 16;
                } else if (size == 0) {
                    size = end - position;
                }
                if (size < headerLength || position + size > end) {
                    throw new IOException("the MP4 has a damaged " + type + " box");
                }
                if (type.equals("moov")) {
                    if (size > Integer.MAX_VALUE) {
                        throw new IOException("the MP4's moov box is too large");
                    }
                    ByteBuffer moov = ByteBuffer.allocate((int) size);
                    file.read(moov, position);
                    clearIn(moov, headerLength, (int) size);
                    moov.rewind();
                    file.write(moov, position);
                    return;
                }
                position += size;
            }
        }
    }

    /** Walks the boxes between {@code from} and {@code to} of {@code buffer}, descending into containers. */
    private static void clearIn(ByteBuffer buffer, int from, int to) throws IOException {
        int position = from;
        while (position + 8 <= to) {
            long size = Integer.toUnsignedLong(buffer.getInt(position));
            String type = new String(
                    new byte[] {
                        buffer.get(position + 4),
                        buffer.get(position + 5),
                        buffer.get(position + 6),
                        buffer.get(position + 7)
                    },
                    StandardCharsets.ISO_8859_1);
            if (size < 8 || position + size > to) {
                throw new IOException("the MP4 has a damaged " + type + " box");
            }
            if (CONTAINERS.contains(type)) {
                clearIn(buffer, position + 8, (int) (position + size));
            } else if (TIMED.contains(type) && size >= 12 + 16) {
                int version = buffer.get(position + 8);
                int times = position + 12;
                if (version == 1) {
                    buffer.putLong(times, 0L).putLong(times + 8, 0L);
                } else {
                    buffer.putInt(times, 0).putInt(times + 4, 0);
                }
            }
            position += (int) size;
        }
    }

    private static String type(ByteBuffer header) {
        byte[] bytes = new byte[4];
        header.get(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
