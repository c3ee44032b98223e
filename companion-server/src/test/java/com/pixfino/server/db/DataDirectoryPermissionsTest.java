package com.pixfino.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.pixfino.server.testsupport.TestDatabases;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server's data directory is its own user's alone, and nobody else can swap the PostgreSQL binaries it
 * runs: zonky extracts them world-writable, and an install made before this fix had them so.
 */
class DataDirectoryPermissionsTest {

    @BeforeAll
    static void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");
    }

    @Test
    void aFirstStartMakesTheDataDirectoryAndTheRuntimeFolderPrivate() throws IOException {
        Path dataDir =
                TestDatabases.TestDirs.fresh("perm-new").resolve("nested").resolve("server");

        try (EmbeddedDatabase ignored = EmbeddedDatabase.start(dataDir, false)) {
            assertThat(mode(dataDir)).isEqualTo("rwx------");
            assertThat(mode(dataDir.getParent()))
                    .as("a parent it had to create too")
                    .isEqualTo("rwx------");
            assertThat(mode(dataDir.resolve("postgres-runtime"))).isEqualTo("rwx------");
            // (zonky extracts once per JVM: in a test run the binaries may sit in an earlier start's folder)
            assertThat(groupOrOtherWritable(dataDir.resolve("postgres-runtime")))
                    .isEmpty();
        }
    }

    @Test
    void anExistingWorldWritableInstallIsTightenedBeforeStart() throws IOException {
        Path dataDir = TestDatabases.TestDirs.fresh("perm-old");
        Path runtime = dataDir.resolve("postgres-runtime");
        Path planted = runtime.resolve("PG-old").resolve("bin").resolve("postgres");
        Files.createDirectories(planted.getParent());
        Files.writeString(planted, "#!/bin/sh\n");
        for (Path p : List.of(dataDir, runtime, runtime.resolve("PG-old"), planted.getParent(), planted)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
        }

        try (EmbeddedDatabase ignored = EmbeddedDatabase.start(dataDir, false)) {
            assertThat(mode(dataDir)).isEqualTo("rwx------");
            assertThat(mode(runtime)).isEqualTo("rwx------");
            assertThat(groupOrOtherWritable(runtime)).isEmpty();
            assertThat(mode(planted)).isEqualTo("rwxr-xr-x");
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    private static List<Path> groupOrOtherWritable(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> !Files.isSymbolicLink(p))
                    .filter(p -> {
                        try {
                            var permissions = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                            return permissions.contains(PosixFilePermission.GROUP_WRITE)
                                    || permissions.contains(PosixFilePermission.OTHERS_WRITE);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
    }
}
