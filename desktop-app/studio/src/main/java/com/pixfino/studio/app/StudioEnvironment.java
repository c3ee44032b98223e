package com.pixfino.studio.app;

import com.pixfino.studio.core.settings.StudioPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything the studio reads from the outside world at start: directories, the companion jar, java, and
 * whether to use the OS keychain (tests and headless runs turn it off and use the 0600 file).
 */
public record StudioEnvironment(StudioPaths paths, Optional<Path> companionJar, Path javaBinary, boolean useKeychain) {

    public static final String COMPANION_JAR_PROPERTY = "pixfino.companion.jar";
    public static final String KEYCHAIN_PROPERTY = "pixfino.studio.keychain";

    public static StudioEnvironment fromSystem() {
        Optional<Path> jar = Optional.ofNullable(System.getProperty(COMPANION_JAR_PROPERTY))
                .filter(value -> !value.isBlank())
                .map(Path::of);
        boolean keychain = !"false".equalsIgnoreCase(System.getProperty(KEYCHAIN_PROPERTY, "true"));
        return new StudioEnvironment(StudioPaths.fromSystem(), jar, currentJava(), keychain);
    }

    // The child server runs on the very JVM that runs the studio, so it needs nothing else installed. java.home's
    // java first: in the installed app this process's command is the "Pixfino Studio" launcher, not a java.
    private static Path currentJava() {
        Path java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        if (Files.isExecutable(java)) {
            return java;
        }
        return ProcessHandle.current().info().command().map(Path::of).orElse(java);
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }
}
