package com.pixfino.studio.core.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.studio.core.store.LocalFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and writes settings.json; a write never leaves a half-written file behind. */
public final class SettingsFile {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsFile.class);

    private final Path file;
    private final ObjectMapper json;

    public SettingsFile(Path file, ObjectMapper json) {
        this.file = file;
        this.json = json;
    }

    /** Empty when there is no file yet or it cannot be read; a broken file must not stop the studio. */
    public Optional<SettingsJson> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(json.readValue(file.toFile(), SettingsJson.class));
        } catch (IOException e) {
            LOG.warn("event=settings_unreadable file={} reason={}", file, e.getMessage());
            return Optional.empty();
        }
    }

    public void write(SettingsJson settings) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "settings", ".json.tmp");
        try {
            json.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), settings);
            LocalFiles.moveIntoPlace(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
