package com.pixfino.studio.core.session;

import com.pixfino.studio.core.store.LocalFiles;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Writes small files readable by their owner only (0600), replacing the old file in one move. */
final class PrivateFiles {

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        // Created 0600 from the start: a token must never sit in a world-readable file, even briefly.
        FileAttribute<?>[] attributes = POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".tokens", ".tmp", attributes);
        try {
            Files.write(temp, content);
            LocalFiles.moveIntoPlace(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static boolean isOwnerOnly(Path file) throws IOException {
        return !POSIX || Files.getPosixFilePermissions(file).equals(OWNER_ONLY);
    }
}
