package com.pixfino.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** The batch's folders, checked before anything talks to the server, with a sentence that says what to fix. */
final class Folders {

    private Folders() {}

    /** The input as an absolute path: it must be a folder this user can read. */
    static Path input(Path given) {
        Path input = given.toAbsolutePath().normalize();
        if (!Files.exists(input)) {
            throw CommandFailure.usage("The input folder does not exist: " + input + ". Check --input.");
        }
        if (!Files.isDirectory(input)) {
            throw CommandFailure.usage("--input must be a folder, but " + input + " is a file."
                    + " Pass the folder that holds the photos.");
        }
        if (!Files.isReadable(input) || !Files.isExecutable(input)) {
            throw CommandFailure.usage("Cannot read the input folder " + input + ": permission denied.");
        }
        return input;
    }

    /**
     * The output as an absolute path: a folder or one that can be made (not a file, nor inside one), writable, and not
     * the input itself (inside it is fine: the scan never descends into the output folder).
     */
    static Path output(Path given, Path input) {
        Path output = given.toAbsolutePath().normalize();
        for (Path p = output; p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw CommandFailure.usage(
                        p.equals(output)
                                ? "--output must be a folder, but " + output + " is a file. Choose another --output."
                                : "The output folder " + output + " would be inside the file " + p
                                        + ". Choose another --output.");
            }
            if (Files.isDirectory(p)) {
                if (!Files.isWritable(p)) {
                    throw CommandFailure.usage("Cannot write to " + p
                            + ": permission denied. Choose an --output folder you can write to.");
                }
                break;
            }
        }
        if (output.equals(input)) {
            throw CommandFailure.usage("--output must not be the input folder: results would mix with the photos."
                    + " Choose another folder, such as " + input.resolveSibling(input.getFileName() + "-pixfino")
                    + ".");
        }
        return output;
    }
}
