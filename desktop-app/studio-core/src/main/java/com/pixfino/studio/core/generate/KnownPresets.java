package com.pixfino.studio.core.generate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.model.api.PresetView;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.store.LocalFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The preset catalog last read from each server, so a studio that starts offline can still offer the styles and keep
 * a Generate for when the server is back. Blocking; refuses the UI thread.
 */
public final class KnownPresets {

    private static final Logger LOG = LoggerFactory.getLogger(KnownPresets.class);

    private final Path file;
    private final ObjectMapper json;
    private final UiThreadGuard guard;

    public KnownPresets(Path file, ObjectMapper json, UiThreadGuard guard) {
        this.file = file;
        this.json = json;
        this.guard = guard;
    }

    /** The catalog last read from {@code server}; empty if none was kept or the file cannot be read. */
    public synchronized List<PresetView> read(String server) {
        return readAll().getOrDefault(server, List.of());
    }

    public synchronized void write(String server, List<PresetView> presets) throws IOException {
        Map<String, List<PresetView>> all = readAll();
        all.put(server, List.copyOf(presets));
        LocalFiles.replace(file, json.writeValueAsBytes(all));
    }

    private Map<String, List<PresetView>> readAll() {
        guard.refuse("KnownPresets");
        if (!Files.isRegularFile(file)) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(json.readValue(file.toFile(), new TypeReference<Map<String, List<PresetView>>>() {}));
        } catch (IOException e) {
            LOG.warn("event=known_presets_unreadable file={} reason={}", file, e.getMessage());
            return new TreeMap<>();
        }
    }
}
