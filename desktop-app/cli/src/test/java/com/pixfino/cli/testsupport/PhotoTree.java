package com.pixfino.cli.testsupport;

import com.pixfino.server.testsupport.TestImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A folder as users have them: photos in nested folders (JPEG and PNG, each its own pixels), and what a batch must
 * skip without charging — a system file, a hidden file, a text file, a text file named like a photo.
 */
public final class PhotoTree {

    /** The photos of {@link #create}, relative to the input. */
    public static final List<String> PHOTOS = List.of("beach.jpg", "people/anna.png", "people/2024/tom.jpg");

    /** The files of {@link #create} a batch skips. */
    public static final List<String> SKIPPED = List.of(".DS_Store", "notes.txt", "people/fake.jpg");

    private PhotoTree() {}

    public static Path create(Path input) throws IOException {
        write(input.resolve("beach.jpg"), TestImages.jpeg(320, 240));
        write(input.resolve("people/anna.png"), TestImages.png(240, 320));
        write(input.resolve("people/2024/tom.jpg"), TestImages.jpeg(300, 400));
        write(input.resolve(".DS_Store"), new byte[] {0, 0, 0, 1, 'B', 'u', 'd', '1'});
        write(input.resolve("notes.txt"), "shoot list".getBytes(StandardCharsets.UTF_8));
        write(input.resolve("people/fake.jpg"), "not a photo at all".getBytes(StandardCharsets.UTF_8));
        return input;
    }

    /** {@code count} small distinct JPEGs at the top of {@code input}, for runs that should take a while. */
    public static Path flat(Path input, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            write(input.resolve(String.format("photo-%02d.jpg", i)), TestImages.jpeg(200 + 8 * i, 260));
        }
        return input;
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
