package com.pixfino.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemStorageTest extends StorageContractTest {

    @TempDir
    Path root;

    @Override
    protected Storage createStorage() {
        return new FileSystemStorage(root);
    }

    @Test
    void keyMapsToAFileUnderTheRoot() throws IOException {
        storage.put("uploads/7/x.png", new byte[] {9}, "image/png");

        assertThat(Files.readAllBytes(root.resolve("uploads/7/x.png"))).containsExactly(9);
    }

    @Test
    void putLeavesNoTempFilesBehind() throws IOException {
        storage.put("uploads/7/x.png", new byte[] {1}, "image/png");
        storage.put("uploads/7/x.png", new byte[] {2}, "image/png");

        try (Stream<Path> files = Files.list(root.resolve("uploads/7"))) {
            assertThat(files).containsExactly(root.resolve("uploads/7/x.png"));
        }
    }

    @Test
    void deleteLeavesAKeyPrefixDirectoryAlone() {
        storage.put("uploads/7/x.png", new byte[] {1}, "image/png");

        storage.delete("uploads/7");

        assertThat(storage.exists("uploads/7/x.png")).isTrue();
    }
}
