package com.pixfino.studio.core.styles;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.model.api.styles.StyleRequest;
import com.pixfino.model.api.styles.StyleView;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.store.LocalFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's own styles (issue 14): read, saved, renamed and deleted on the server, with the last known list kept on
 * disk per account so "My styles" still shows them offline. Blocking; refuses the UI thread. A null file keeps
 * nothing on disk.
 */
public final class StyleLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(StyleLibrary.class);

    private final Path file;
    private final ObjectMapper json;
    private final UiThreadGuard guard;

    public StyleLibrary(Path file, ObjectMapper json, UiThreadGuard guard) {
        this.file = file;
        this.json = json;
        this.guard = guard;
    }

    /** The styles last known for {@code account} (e.g. server and user id); empty if none were kept. */
    public synchronized List<StyleView> known(String account) {
        return readAll().getOrDefault(account, List.of());
    }

    /** The server's list, newest first; kept as the known list. */
    public List<StyleView> refresh(CompanionApi api, String account) throws IOException {
        List<StyleView> styles = api.styles().items();
        keep(account, styles);
        return styles;
    }

    /** Saves a new style; the known list gets it first. */
    public StyleView create(CompanionApi api, String account, StyleRequest request) throws IOException {
        StyleView created = api.createStyle(request);
        List<StyleView> styles = new ArrayList<>(known(account));
        styles.removeIf(s -> s.id().equals(created.id()));
        styles.add(0, created);
        keep(account, styles);
        return created;
    }

    /** Renames a style (nothing else changes). */
    public StyleView rename(CompanionApi api, String account, UUID id, String name) throws IOException {
        StyleView renamed = api.updateStyle(id, new StyleRequest(name, null, null, null, null));
        keep(
                account,
                known(account).stream()
                        .map(s -> s.id().equals(id) ? renamed : s)
                        .toList());
        return renamed;
    }

    public void delete(CompanionApi api, String account, UUID id) throws IOException {
        api.deleteStyle(id);
        keep(account, known(account).stream().filter(s -> !s.id().equals(id)).toList());
    }

    private synchronized void keep(String account, List<StyleView> styles) {
        if (file == null) {
            return;
        }
        Map<String, List<StyleView>> all = readAll();
        all.put(account, List.copyOf(styles));
        try {
            LocalFiles.replace(file, json.writeValueAsBytes(all));
        } catch (IOException e) {
            LOG.warn("event=known_styles_not_saved reason={}", e.getMessage());
        }
    }

    private Map<String, List<StyleView>> readAll() {
        guard.refuse("StyleLibrary");
        if (file == null || !Files.isRegularFile(file)) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(json.readValue(file.toFile(), new TypeReference<Map<String, List<StyleView>>>() {}));
        } catch (IOException e) {
            LOG.warn("event=known_styles_unreadable file={} reason={}", file, e.getMessage());
            return new TreeMap<>();
        }
    }
}
