package com.pixfino.studio.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudioPathsTest {

    private static StudioPaths resolve(Map<String, String> properties, Map<String, String> env) {
        return StudioPaths.resolve(properties::get, env::get);
    }

    @Test
    void homePropertyWinsOverEverything() {
        StudioPaths paths = resolve(
                Map.of("pixfino.studio.home", "/tmp/studio-test", "user.home", "/home/ana"),
                Map.of("XDG_CONFIG_HOME", "/xdg/config"));

        assertThat(paths.settingsFile()).isEqualTo(Path.of("/tmp/studio-test/settings.json"));
        assertThat(paths.companionLog()).isEqualTo(Path.of("/tmp/studio-test/companion.log"));
    }

    @Test
    void followsXdgVariables() {
        StudioPaths paths = resolve(
                Map.of("user.home", "/home/ana"),
                Map.of("XDG_CONFIG_HOME", "/xdg/config", "XDG_DATA_HOME", "/xdg/data"));

        assertThat(paths.settingsFile()).isEqualTo(Path.of("/xdg/config/pixfino-studio/settings.json"));
        assertThat(paths.companionLog()).isEqualTo(Path.of("/xdg/data/pixfino-studio/companion.log"));
    }

    @Test
    void fallsBackToHomeDirectoryWhenXdgIsUnsetOrRelative() {
        StudioPaths paths = resolve(Map.of("user.home", "/home/ana"), Map.of("XDG_CONFIG_HOME", "relative/dir"));

        assertThat(paths.settingsFile()).isEqualTo(Path.of("/home/ana/.config/pixfino-studio/settings.json"));
        assertThat(paths.companionLog()).isEqualTo(Path.of("/home/ana/.local/share/pixfino-studio/companion.log"));
    }

    @Test
    void createsItsFoldersForItsUserOnly(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(
                FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");
        Path existing = Files.createDirectories(tmp.resolve("config"));
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rwxr-xr-x"));
        StudioPaths paths = new StudioPaths(existing, tmp.resolve("share").resolve("pixfino-studio"));

        paths.createPrivately();

        for (Path dir :
                List.of(paths.configDir(), paths.dataDir(), paths.dataDir().getParent())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                    .as(dir.toString())
                    .isEqualTo("rwx------");
        }
    }
}
