package com.pixfino.studio.app;

import com.pixfino.studio.settings.StudioPaths;
import java.nio.file.Path;
import java.util.Optional;

/** Everything the studio reads from the outside world at start: directories, the companion jar, java. */
public record StudioEnvironment(StudioPaths paths, Optional<Path> companionJar, Path javaBinary) {

    public static final String COMPANION_JAR_PROPERTY = "pixfino.companion.jar";

    public static StudioEnvironment fromSystem() {
        Optional<Path> jar = Optional.ofNullable(System.getProperty(COMPANION_JAR_PROPERTY))
                .filter(value -> !value.isBlank())
                .map(Path::of);
        return new StudioEnvironment(StudioPaths.fromSystem(), jar, currentJava());
    }

    // The child server runs on the very JVM that runs the studio, so it needs nothing else installed.
    private static Path currentJava() {
        return ProcessHandle.current().info().command()
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java"));
    }
}
