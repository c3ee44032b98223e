package com.pixfino.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The behaviour every {@link Storage} implementation must have; subclass it per implementation. */
public abstract class StorageContractTest {

    private static final String KEY = "uploads/42/3f2b8c1e-5a6d-4e7f-9a0b-1c2d3e4f5a6b.jpg";
    private static final byte[] CONTENT = "not really a jpeg".getBytes(StandardCharsets.UTF_8);

    protected Storage storage;

    /** A fresh, empty storage for each test. */
    protected abstract Storage createStorage() throws Exception;

    @BeforeEach
    void setUpStorage() throws Exception {
        storage = createStorage();
    }

    @Test
    void putThenOpenReturnsTheSameBytes() throws IOException {
        storage.put(KEY, CONTENT, "image/jpeg");

        assertThat(read(KEY)).isEqualTo(CONTENT);
    }

    @Test
    void putThenExistsAndSize() {
        storage.put(KEY, CONTENT, "image/jpeg");

        assertThat(storage.exists(KEY)).isTrue();
        assertThat(storage.size(KEY)).isEqualTo(CONTENT.length);
    }

    @Test
    void putOverwritesExistingContent() throws IOException {
        storage.put(KEY, CONTENT, "image/jpeg");
        byte[] shorter = {1, 2, 3};

        storage.put(KEY, shorter, "image/jpeg");

        assertThat(read(KEY)).isEqualTo(shorter);
        assertThat(storage.size(KEY)).isEqualTo(3);
    }

    @Test
    void emptyFileIsAFile() throws IOException {
        storage.put("uploads/1/empty.bin", new byte[0], "application/octet-stream");

        assertThat(storage.exists("uploads/1/empty.bin")).isTrue();
        assertThat(storage.size("uploads/1/empty.bin")).isZero();
        assertThat(read("uploads/1/empty.bin")).isEmpty();
    }

    @Test
    void keysAreIndependent() throws IOException {
        storage.put("uploads/1/a.png", new byte[] {1}, "image/png");
        storage.put("uploads/2/a.png", new byte[] {2}, "image/png");

        assertThat(read("uploads/1/a.png")).containsExactly(1);
        assertThat(read("uploads/2/a.png")).containsExactly(2);
    }

    @Test
    void missingKeyDoesNotExist() {
        assertThat(storage.exists(KEY)).isFalse();
    }

    @Test
    void openingAMissingKeyFails() {
        assertThatThrownBy(() -> storage.open(KEY))
                .isInstanceOf(StoredFileNotFoundException.class)
                .hasMessageContaining(KEY);
    }

    @Test
    void sizeOfAMissingKeyFails() {
        assertThatThrownBy(() -> storage.size(KEY)).isInstanceOf(StoredFileNotFoundException.class);
    }

    @Test
    void aKeyPrefixIsNotAFile() {
        storage.put(KEY, CONTENT, "image/jpeg");

        assertThat(storage.exists("uploads/42")).isFalse();
        assertThatThrownBy(() -> storage.open("uploads/42")).isInstanceOf(StoredFileNotFoundException.class);
    }

    @Test
    void deleteRemovesTheFile() {
        storage.put(KEY, CONTENT, "image/jpeg");

        storage.delete(KEY);

        assertThat(storage.exists(KEY)).isFalse();
        assertThatThrownBy(() -> storage.open(KEY)).isInstanceOf(StoredFileNotFoundException.class);
    }

    @Test
    void deleteIsIdempotent() {
        storage.put(KEY, CONTENT, "image/jpeg");
        storage.delete(KEY);

        assertThatCode(() -> storage.delete(KEY)).doesNotThrowAnyException();
        assertThatCode(() -> storage.delete("uploads/never/stored.png")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "../escape.jpg",
                "uploads/../../etc/passwd",
                "uploads/..",
                "/etc/passwd",
                "uploads//a.jpg",
                "uploads/a.jpg/",
                "./a.jpg",
                "uploads\\a.jpg",
                "C:/a.jpg",
                "uploads/a b.jpg",
                "uploads/ä.jpg",
                "uploads/a.jpg?x=1",
                "uploads/%2e%2e/a.jpg"
            })
    void badKeysAreRejectedByEveryOperation(String key) {
        assertThatThrownBy(() -> storage.put(key, CONTENT, "image/jpeg")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.open(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.exists(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.delete(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.size(key)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tooLongKeyIsRejected() {
        String key = "uploads/" + "a".repeat(1100) + ".jpg";

        assertThatThrownBy(() -> storage.put(key, CONTENT, "image/jpeg")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysWithAllAllowedCharactersWork() throws IOException {
        String key = "thumbs/User_1/a-B.c_9.thumb.jpg";

        storage.put(key, CONTENT, "image/jpeg");

        assertThat(read(key)).isEqualTo(CONTENT);
    }

    private byte[] read(String key) throws IOException {
        try (InputStream in = storage.open(key)) {
            return in.readAllBytes();
        }
    }
}
