package com.pixfino.studio.core.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The result names a batch has given out. A name is decided once (and kept in the manifest): the template's, or the
 * same with -2, -3… when another item of the batch has it or (without overwrite) a file not written by this batch is
 * there. Names are compared ignoring case, as macOS and Windows do. Not thread-safe: the run calls it under its lock.
 */
final class OutputClaims {

    private final String template;
    private final boolean overwrite;
    private final Path output;
    private final Set<String> claimed = new HashSet<>();

    OutputClaims(BatchRequest request, Path output) {
        this.template = request.nameTemplate();
        this.overwrite = request.overwrite();
        this.output = output;
        claim(BatchReports.CSV);
        claim(BatchReports.JSON);
    }

    /** A name an earlier run of the batch already gave out. */
    void claim(String relative) {
        claimed.add(OutputNames.claimKey(relative));
    }

    /** A name given out before that its item no longer uses. */
    void release(String relative) {
        if (!relative.equals(BatchReports.CSV) && !relative.equals(BatchReports.JSON)) {
            claimed.remove(OutputNames.claimKey(relative));
        }
    }

    /** A new name for the result of {@code file} × {@code preset}, relative to the output folder. */
    String choose(String file, String preset, String ext) {
        String base = OutputNames.render(template, file, preset, ext);
        String chosen = base;
        for (int n = 2; taken(chosen); n++) {
            chosen = OutputNames.numbered(base, n);
        }
        claim(chosen);
        return chosen;
    }

    private boolean taken(String relative) {
        return claimed.contains(OutputNames.claimKey(relative))
                || (!overwrite && Files.exists(output.resolve(relative)));
    }
}
