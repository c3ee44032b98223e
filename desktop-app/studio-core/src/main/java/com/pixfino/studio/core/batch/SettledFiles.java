package com.pixfino.studio.core.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Watch mode's patience: a new file is taken once its size has stayed the same for {@code settle}, so a photo still
 * being copied in is not sent half-written. Used from one thread.
 */
final class SettledFiles {

    private record Seen(long size, long sinceNanos) {}

    private final Duration settle;
    private final Map<String, Seen> seen = new HashMap<>();

    SettledFiles(Duration settle) {
        this.settle = settle;
    }

    /** The files not {@code known} yet whose size has not changed for long enough, by relative path. */
    Set<String> settled(Path input, List<Path> files, Predicate<String> known, long nowNanos) {
        Set<String> ready = new LinkedHashSet<>();
        for (Path path : files) {
            String file = FolderScan.relative(input, path);
            if (known.test(file)) {
                continue;
            }
            long size;
            try {
                size = Files.size(path);
            } catch (IOException e) {
                continue; // gone again, or not readable yet: look next time
            }
            Seen before = seen.get(file);
            if (before == null || before.size() != size) {
                seen.put(file, new Seen(size, nowNanos));
            } else if (nowNanos - before.sinceNanos() >= settle.toNanos()) {
                ready.add(file);
            }
        }
        seen.keySet().removeAll(ready);
        return ready;
    }
}
