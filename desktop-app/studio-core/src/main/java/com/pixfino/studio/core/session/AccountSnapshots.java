package com.pixfino.studio.core.session;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.model.api.UserView;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The last account seen on each server (no secrets): lets a studio that starts offline show the right gallery. */
public final class AccountSnapshots {

    private static final Logger LOG = LoggerFactory.getLogger(AccountSnapshots.class);

    private final Path file;
    private final ObjectMapper json;
    private final UiThreadGuard guard;

    public AccountSnapshots(Path file, ObjectMapper json, UiThreadGuard guard) {
        this.file = file;
        this.json = json;
        this.guard = guard;
    }

    public synchronized Optional<UserView> read(String server) {
        return Optional.ofNullable(readAll().get(server));
    }

    public synchronized void write(String server, UserView user) throws IOException {
        Map<String, UserView> all = readAll();
        all.put(server, user);
        PrivateFiles.write(file, json.writeValueAsBytes(all));
    }

    public synchronized void delete(String server) throws IOException {
        Map<String, UserView> all = readAll();
        if (all.remove(server) != null) {
            PrivateFiles.write(file, json.writeValueAsBytes(all));
        }
    }

    private Map<String, UserView> readAll() {
        guard.refuse("AccountSnapshots");
        if (!Files.isRegularFile(file)) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(json.readValue(file.toFile(), new TypeReference<Map<String, UserView>>() {}));
        } catch (IOException e) {
            LOG.warn("event=accounts_file_unreadable file={} reason={}", file, e.getMessage());
            return new TreeMap<>();
        }
    }
}
