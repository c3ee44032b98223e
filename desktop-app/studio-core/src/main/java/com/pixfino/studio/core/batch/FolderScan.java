package com.pixfino.studio.core.batch;

import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.photo.PhotoCheck;
import com.pixfino.studio.core.photo.PhotoCompleteness;
import com.pixfino.studio.core.photo.PhotoInfo;
import com.pixfino.studio.core.photo.PhotoRejectedException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Lists the photos of a batch's input folder in a fixed order (sorted relative paths) and says why the other files are
 * left alone. Never descends into the output folder when it lies inside the input.
 */
final class FolderScan {

    private static final Set<String> SYSTEM_FILES = Set.of("thumbs.db", "desktop.ini", ".ds_store", "ehthumbs.db");

    /** A photo that passed the checks, with its path relative to the input ('/'-separated). */
    record Photo(String file, PhotoInfo info) {}

    record Result(List<Photo> photos, List<SkippedFile> skipped) {}

    private final PhotoCheck check;
    private final Messages messages;

    FolderScan(PhotoCheck check, Messages messages) {
        this.check = check;
        this.messages = messages;
    }

    /** {@code wanted}: which relative paths to check (watch mode looks only at new, settled files). */
    Result scan(Path input, Path output, boolean recursive, Predicate<String> wanted) throws IOException {
        Listing listing = walk(input, output, recursive);
        List<Path> files = listing.files();
        List<Photo> photos = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        for (Path path : files) {
            String file = relative(input, path);
            if (!wanted.test(file)) {
                continue;
            }
            String reason =
                    listing.loops().contains(path) ? messages.get("batch.skipped.loop", file) : reasonToSkip(file);
            if (reason != null) {
                skipped.add(new SkippedFile(file, reason));
                continue;
            }
            PhotoInfo info;
            try {
                info = check.check(path);
            } catch (PhotoRejectedException e) {
                skipped.add(new SkippedFile(file, rejection(file, e)));
                continue;
            } catch (IOException e) {
                skipped.add(new SkippedFile(
                        file, messages.get("photo.rejected.unreadable", file, String.valueOf(e.getMessage()))));
                continue;
            }
            try {
                // a file cut short is found here, before the estimate counts it as payable
                PhotoCompleteness.check(info);
            } catch (IOException e) {
                skipped.add(new SkippedFile(
                        file, messages.get("batch.skipped.damaged", file, String.valueOf(e.getMessage()))));
                continue;
            }
            photos.add(new Photo(file, info));
        }
        return new Result(List.copyOf(photos), List.copyOf(skipped));
    }

    /** Every regular file under the input (sorted by relative path), except the output folder's. */
    List<Path> list(Path input, Path output, boolean recursive) throws IOException {
        return walk(input, output, recursive).files();
    }

    /** The files found, and among them the links that lead back into a folder above them (never followed). */
    record Listing(List<Path> files, Set<Path> loops) {}

    /**
     * Links are followed: a link to a photo is a photo, a link to a folder is walked like a folder, and a link back
     * into a folder above it is listed once as a loop instead of being walked forever.
     */
    Listing walk(Path input, Path output, boolean recursive) throws IOException {
        Path in = realPath(input);
        // the output folder is left out when it lies inside the input (the engine refuses the same folder for both)
        Path outputPath = output.toAbsolutePath().normalize();
        Path out = outputPath.startsWith(in) && !outputPath.equals(in) ? outputPath : outputPath.resolve(".pixfino");
        List<Path> files = new ArrayList<>();
        Set<Path> loops = new java.util.HashSet<>();
        Files.walkFileTree(
                in,
                Set.of(java.nio.file.FileVisitOption.FOLLOW_LINKS),
                recursive ? Integer.MAX_VALUE : 1,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        return dir.startsWith(out) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (!attrs.isDirectory() && !file.startsWith(out)) {
                            files.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        if (e instanceof java.nio.file.FileSystemLoopException) {
                            loops.add(file);
                        }
                        files.add(file); // listed, so the check reports it as unreadable
                        return FileVisitResult.CONTINUE;
                    }
                });
        files.removeIf(path -> path.equals(in)); // never a row without a name
        files.sort(Comparator.comparing(path -> relative(in, path)));
        return new Listing(files, loops);
    }

    static String relative(Path input, Path file) {
        Path in = realPath(input);
        return in.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /**
     * The path with every link resolved, as far as it exists (an output folder not made yet keeps its missing tail), so
     * a folder reached through a link is the same folder as the link's target.
     */
    static Path realPath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }

    /** System files and hidden files or folders, by name alone; null for a file worth checking. */
    private String reasonToSkip(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        if (SYSTEM_FILES.contains(name.toLowerCase(Locale.ROOT)) || name.startsWith("._")) {
            return messages.get("batch.skipped.system", file);
        }
        for (String part : file.split("/")) {
            if (part.startsWith(".")) {
                return messages.get("batch.skipped.hidden", file);
            }
        }
        return null;
    }

    private String rejection(String file, PhotoRejectedException e) {
        Object[] args = e.arguments();
        // the check names the file by its bare name; the report names it by its place in the tree
        if (args.length == 1 && args[0] instanceof Path) {
            args = new Object[] {file};
        }
        return messages.get(e.reason().messageKey(), args);
    }
}
