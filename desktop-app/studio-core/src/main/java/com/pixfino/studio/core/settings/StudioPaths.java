package com.pixfino.studio.core.settings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** Where the studio keeps its files, following the XDG base directory rules. */
public record StudioPaths(Path configDir, Path dataDir) {

    /** One directory for everything; tests point it at a temp dir. */
    public static final String HOME_PROPERTY = "pixfino.studio.home";

    private static final String APP_DIR = "pixfino-studio";

    public static StudioPaths fromSystem() {
        return resolve(System::getProperty, System::getenv);
    }

    public static StudioPaths resolve(UnaryOperator<String> systemProperty, UnaryOperator<String> environment) {
        String home = systemProperty.apply(HOME_PROPERTY);
        if (home != null && !home.isBlank()) {
            Path dir = Path.of(home);
            return new StudioPaths(dir, dir);
        }
        Path userHome = Path.of(systemProperty.apply("user.home"));
        return new StudioPaths(
                xdgDir(environment.apply("XDG_CONFIG_HOME"), userHome.resolve(".config"))
                        .resolve(APP_DIR),
                xdgDir(environment.apply("XDG_DATA_HOME"), userHome.resolve(".local/share"))
                        .resolve(APP_DIR));
    }

    /** Creates the configuration and data directories readable by this user only (0700 where POSIX applies). */
    public void createPrivately() throws IOException {
        PrivateDirectories.create(configDir);
        PrivateDirectories.create(dataDir);
    }

    public Path settingsFile() {
        return configDir.resolve("settings.json");
    }

    public Path companionLog() {
        return dataDir.resolve("companion.log");
    }

    /** Sign-in tokens when the OS keychain is not available; written with owner-only permissions. */
    public Path tokenFile() {
        return configDir.resolve("tokens.json");
    }

    /** The last known account per server, so a studio that starts offline knows whose gallery to show. */
    public Path accountsFile() {
        return dataDir.resolve("accounts.json");
    }

    public Path galleryDatabase() {
        return dataDir.resolve("gallery.db");
    }

    /** Cached thumbnails and originals, one folder per account. */
    public Path galleryFiles() {
        return dataDir.resolve("gallery");
    }

    /** Generations asked for while offline, waiting to be sent (issue 13). */
    public Path pendingGenerationsDatabase() {
        return dataDir.resolve("pending-generations.db");
    }

    /** The preset catalog last read from each server, for styles to choose from while offline. */
    public Path knownPresetsFile() {
        return dataDir.resolve("presets.json");
    }

    /** The presets' preview pictures, one folder per server, so the preset browser shows them offline (issue 15). */
    public Path presetPreviews() {
        return dataDir.resolve("preset-previews");
    }

    /** The user's own styles as last read from each server, so "My styles" shows them offline (issue 14). */
    public Path stylesFile() {
        return dataDir.resolve("styles.json");
    }

    /** The user's last prompts, newest first, offered beside the prompt box (issue 14). */
    public Path recentPromptsFile() {
        return dataDir.resolve("recent-prompts.json");
    }

    /** The studio's own copies of the photos of waiting generations, one folder per account. */
    public Path pendingPhotos() {
        return dataDir.resolve("pending-photos");
    }

    // The XDG spec says relative values are invalid and must be ignored.
    private static Path xdgDir(String value, Path fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Path dir = Path.of(value);
        return dir.isAbsolute() ? dir : fallback;
    }
}
