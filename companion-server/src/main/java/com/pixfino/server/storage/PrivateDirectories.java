package com.pixfino.server.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;

/**
 * Directories only the server's own user may enter (0700): the data directory holds the database cluster,
 * stored photos and the PostgreSQL binaries the server runs. On file systems without POSIX permissions
 * (Windows) directories are just created.
 */
public final class PrivateDirectories {

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private PrivateDirectories() {}

    /** Creates {@code dir} and any missing parents 0700, and makes an existing {@code dir} 0700. */
    public static Path create(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            if (!POSIX) {
                return Files.createDirectories(absolute);
            }
            Deque<Path> missing = new ArrayDeque<>();
            for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) {
                missing.push(p);
            }
            for (Path p : missing) {
                Files.createDirectory(p, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            // createDirectory is subject to the umask; say it again explicitly
            Files.setPosixFilePermissions(absolute, OWNER_ONLY);
            return absolute;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not create the private directory " + absolute + ": " + e.getMessage(), e);
        }
    }

    /** Takes the group's and others' write permission off everything under {@code root} (symbolic links are not followed). */
    public static void removeGroupAndOtherWrite(Path root) {
        if (!POSIX || !Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    tighten(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (!attrs.isSymbolicLink()) {
                        tighten(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not tighten the permissions under " + root + ": " + e.getMessage(), e);
        }
    }

    private static void tighten(Path path) throws IOException {
        Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(path));
        if (permissions.remove(PosixFilePermission.GROUP_WRITE)
                | permissions.remove(PosixFilePermission.OTHERS_WRITE)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}
