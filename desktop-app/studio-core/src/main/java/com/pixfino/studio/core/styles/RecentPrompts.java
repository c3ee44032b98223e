package com.pixfino.studio.core.styles;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.store.LocalFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's last {@value #MAX} distinct prompts, newest first, kept in a small JSON file in the studio's data dir so
 * they survive a restart (issue 14). A prompt used again moves to the top. Blocking; refuses the UI thread. A null
 * file keeps them in memory only.
 */
public final class RecentPrompts {

    public static final int MAX = 20;
    private static final Logger LOG = LoggerFactory.getLogger(RecentPrompts.class);

    private final Path file;
    private final ObjectMapper json;
    private final UiThreadGuard guard;
    private List<String> memory = List.of();

    public RecentPrompts(Path file, ObjectMapper json, UiThreadGuard guard) {
        this.file = file;
        this.json = json;
        this.guard = guard;
    }

    /** Newest first, at most {@value #MAX}. */
    public synchronized List<String> list() {
        guard.refuse("RecentPrompts");
        if (file == null || !Files.isRegularFile(file)) {
            return memory;
        }
        try {
            List<String> read = json.readValue(file.toFile(), new TypeReference<List<String>>() {});
            return read.stream()
                    .filter(p -> p != null && !p.isBlank())
                    .distinct()
                    .limit(MAX)
                    .toList();
        } catch (IOException e) {
            LOG.warn("event=recent_prompts_unreadable file={} reason={}", file, e.getMessage());
            return memory;
        }
    }

    /** Puts {@code prompt} first (blank ones are not kept); returns the new list. */
    public synchronized List<String> record(String prompt) {
        if (prompt == null || prompt.isBlank()) {
            return list();
        }
        String text = prompt.strip();
        List<String> next = new ArrayList<>(list());
        next.remove(text);
        next.add(0, text);
        memory = List.copyOf(next.subList(0, Math.min(MAX, next.size())));
        if (file != null) {
            try {
                LocalFiles.replace(file, json.writeValueAsBytes(memory));
            } catch (IOException e) {
                LOG.warn("event=recent_prompts_not_saved reason={}", e.getMessage());
            }
        }
        return memory;
    }
}
