package com.pixfino.studio.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.net.CompanionJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {

    private static final String SERVER = "http://127.0.0.1:7070";

    @TempDir
    Path dir;

    private FileTokenStore file() {
        return new FileTokenStore(
                dir.resolve("config").resolve("tokens.json"), CompanionJson.mapper(), UiThreadGuard.NONE);
    }

    @Test
    void theFileKeepsOneTokenPerServerReadableByItsOwnerOnly() throws Exception {
        FileTokenStore store = file();

        store.write(SERVER, "secret-1");
        store.write("https://pixfino.example", "secret-2");

        assertThat(store.read(SERVER)).contains("secret-1");
        assertThat(store.read("https://pixfino.example")).contains("secret-2");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
                .isEqualTo("rw-------");
        try (var leftovers = Files.list(store.file().getParent())) {
            assertThat(leftovers).containsExactly(store.file()); // no temp files left behind
        }

        store.delete(SERVER);
        store.delete("https://pixfino.example");
        assertThat(store.read(SERVER)).isEmpty();
        assertThat(store.file()).doesNotExist();
    }

    @Test
    void aTokenFileOthersCouldReadIsNotTrusted() throws Exception {
        FileTokenStore store = file();
        store.write(SERVER, "secret-1");
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(store.read(SERVER)).isEmpty();
    }

    @Test
    void fallsBackToTheFileWhenTheKeychainFails() throws Exception {
        FileTokenStore file = file();
        TokenStore store = new FallbackTokenStore(Optional.of(new BrokenKeychain()), file);

        store.write(SERVER, "secret-1");

        assertThat(store.read(SERVER)).contains("secret-1");
        assertThat(file.read(SERVER)).contains("secret-1");
        store.delete(SERVER);
        assertThat(store.read(SERVER)).isEmpty();
    }

    @Test
    void aWorkingKeychainKeepsTheTokenOutOfTheFile() throws Exception {
        FileTokenStore file = file();
        file.write(SERVER, "old-from-a-headless-run");
        MemoryKeychain keychain = new MemoryKeychain();
        TokenStore store = new FallbackTokenStore(Optional.of(keychain), file);

        store.write(SERVER, "secret-1");

        assertThat(keychain.tokens).containsEntry(SERVER, "secret-1");
        assertThat(file.read(SERVER)).isEmpty();
        assertThat(store.read(SERVER)).contains("secret-1");
    }

    @Test
    void withoutAKeychainTheFileIsUsed() throws Exception {
        TokenStore store = new FallbackTokenStore(Optional.empty(), file());

        store.write(SERVER, "secret-1");

        assertThat(store.read(SERVER)).contains("secret-1");
    }

    @Test
    void openingTheRealKeychainNeverFailsAndNeverHangs() {
        Instant start = Instant.now();
        assertThatNoException()
                .isThrownBy(() -> KeychainTokenStore.open(UiThreadGuard.NONE).ifPresent(KeychainTokenStore::close));
        // Headless CI has no Secret Service: the studio must learn that quickly and use the file.
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(8));
    }

    private static final class BrokenKeychain implements TokenStore {
        @Override
        public Optional<String> read(String server) throws IOException {
            throw new IOException("The keychain is locked");
        }

        @Override
        public void write(String server, String token) throws IOException {
            throw new IOException("The keychain is locked");
        }

        @Override
        public void delete(String server) throws IOException {
            throw new IOException("The keychain is locked");
        }
    }

    private static final class MemoryKeychain implements TokenStore {
        final Map<String, String> tokens = new HashMap<>();

        @Override
        public Optional<String> read(String server) {
            return Optional.ofNullable(tokens.get(server));
        }

        @Override
        public void write(String server, String token) {
            tokens.put(server, token);
        }

        @Override
        public void delete(String server) {
            tokens.remove(server);
        }
    }

    @Test
    void theKeychainIsOpenedByTheFirstCallNotBeforeAndOnlyOnce() throws Exception {
        java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
        MemoryKeychain keychain = new MemoryKeychain();
        com.pixfino.studio.core.concurrent.Lazy<Optional<TokenStore>> later =
                com.pixfino.studio.core.concurrent.Lazy.of(() -> {
                    opened.incrementAndGet();
                    return Optional.of(keychain);
                });
        TokenStore store = new FallbackTokenStore(later, file());
        assertThat(opened).hasValue(0);

        store.write(SERVER, "tok");
        assertThat(store.read(SERVER)).contains("tok");
        assertThat(opened).hasValue(1);
    }
}
