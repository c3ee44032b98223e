package com.pixfino.studio.gallery;

import com.pixfino.studio.core.concurrent.TaskProgress;
import com.pixfino.studio.core.gallery.GalleryItem;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.library.Library;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Copies the originals of many results into one folder (downloading those not on this computer), in the background:
 * names that never overwrite a file already there, one readable line per result that could not be exported.
 */
final class BulkExport {

    /** What an export did: how many files were written, and a sentence per failure. */
    record Outcome(int exported, List<String> failures, boolean cancelled) {}

    private final Library library;
    private final Messages messages;

    BulkExport(Library library, Messages messages) {
        this.library = library;
        this.messages = messages;
    }

    Outcome run(List<UUID> ids, Path folder, TaskProgress progress) throws IOException {
        Files.createDirectories(folder);
        int done = 0;
        List<String> failures = new ArrayList<>();
        for (UUID id : ids) {
            if (progress.isCancelled()) {
                return new Outcome(done, failures, true);
            }
            progress.update(
                    (double) (done + failures.size()) / ids.size(),
                    messages.get("gallery.bulk.exporting", done + failures.size() + 1, ids.size()));
            GalleryItem item = library.item(id).orElse(null);
            if (item == null) {
                continue; // deleted meanwhile: nothing to export
            }
            try {
                Path original = library.original(id);
                Files.copy(original, freeName(folder, baseName(item)), StandardCopyOption.COPY_ATTRIBUTES);
                done++;
            } catch (IOException e) {
                failures.add(messages.get("gallery.bulk.exportItemFailed", label(item), reason(e)));
            }
        }
        progress.update(1, "");
        return new Outcome(done, failures, false);
    }

    private String label(GalleryItem item) {
        String name = item.presetName() == null ? messages.get("gallery.untitled") : item.presetName();
        return item.createdAt() == null ? name : name + " (" + item.createdAt().toLocalDate() + ")";
    }

    private String reason(IOException e) {
        return e.getMessage() == null || e.getMessage().isBlank()
                ? messages.get("gallery.bulk.noReason")
                : e.getMessage();
    }

    /** Preset and date, only letters, digits and dashes, so every file system takes it. */
    static String baseName(GalleryItem item) {
        String base = (item.presetName() == null ? "pixfino" : item.presetName())
                .replaceAll("[^A-Za-z0-9]+", "-")
                .replaceAll("(^-|-$)", "")
                .toLowerCase(Locale.ROOT);
        String date = item.createdAt() == null ? "" : "-" + item.createdAt().toLocalDate();
        return (base.isEmpty() ? "pixfino" : base) + date + "." + item.extension();
    }

    /** {@code name}, or {@code name-2}, {@code name-3}… whichever is not taken in {@code folder}. */
    static Path freeName(Path folder, String name) {
        int dot = name.lastIndexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        String ext = dot < 0 ? "" : name.substring(dot);
        Path candidate = folder.resolve(name);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = folder.resolve(stem + "-" + n + ext);
        }
        return candidate;
    }
}
