package com.pixfino.studio.core.settings;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Directories only the studio's user may enter (0700): the gallery cache, the account snapshots and the local
 * server's log are nobody else's business. On file systems without POSIX permissions they are just created.
 */
public final class PrivateDirectories {

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private PrivateDirectories() {}

    /** Creates {@code dir} and any missing parents 0700, and makes an existing {@code dir} 0700. */
    public static void create(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (!POSIX) {
            Files.createDirectories(absolute);
            return;
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
    }
}
