package com.pixfino.studio.core.session;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tokens in a JSON file only its owner can read (0600): the fallback when there is no OS keychain. */
public final class FileTokenStore implements TokenStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileTokenStore.class);

    private final Path file;
    private final ObjectMapper json;
    private final UiThreadGuard guard;

    public FileTokenStore(Path file, ObjectMapper json, UiThreadGuard guard) {
        this.file = file;
        this.json = json;
        this.guard = guard;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized Optional<String> read(String server) throws IOException {
        return Optional.ofNullable(readAll().get(server));
    }

    @Override
    public synchronized void write(String server, String token) throws IOException {
        Map<String, String> tokens = readAll();
        tokens.put(server, token);
        PrivateFiles.write(file, json.writeValueAsBytes(tokens));
    }

    @Override
    public synchronized void delete(String server) throws IOException {
        Map<String, String> tokens = readAll();
        if (tokens.remove(server) == null) {
            return;
        }
        if (tokens.isEmpty()) {
            Files.deleteIfExists(file);
        } else {
            PrivateFiles.write(file, json.writeValueAsBytes(tokens));
        }
    }

    private Map<String, String> readAll() throws IOException {
        guard.refuse("FileTokenStore");
        if (!Files.isRegularFile(file)) {
            return new TreeMap<>();
        }
        if (!PrivateFiles.isOwnerOnly(file)) {
            // Someone widened the permissions: the tokens may have been read, so they are not trusted.
            LOG.warn("event=token_file_not_private file={} action=ignored", file);
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(json.readValue(file.toFile(), new TypeReference<Map<String, String>>() {}));
        } catch (IOException e) {
            LOG.warn("event=token_file_unreadable file={} reason={}", file, e.getMessage());
            return new TreeMap<>();
        }
    }
}
