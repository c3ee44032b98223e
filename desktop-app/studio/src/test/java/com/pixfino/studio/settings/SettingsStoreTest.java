package com.pixfino.studio.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.studio.core.settings.SettingsFile;
import com.pixfino.studio.core.settings.WindowBounds;
import com.pixfino.studio.theme.ThemeMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    private Path dir;

    private SettingsStore store(Duration debounce) {
        return new SettingsStore(new SettingsFile(dir.resolve("config/settings.json"), new ObjectMapper()), debounce);
    }

    @Test
    void firstStartUsesDefaults() {
        try (SettingsStore store = store(Duration.ofMillis(10))) {
            StudioSettings settings = store.load();

            assertThat(settings.serverUrlProperty().get()).isEqualTo("http://127.0.0.1:7070");
            assertThat(settings.themeProperty().get()).isEqualTo(ThemeMode.LIGHT);
            assertThat(settings.windowProperty().get()).isNull();
        }
    }

    @Test
    void changesSurviveARestart() {
        try (SettingsStore store = store(Duration.ofSeconds(30))) {
            StudioSettings settings = store.load();
            settings.serverUrlProperty().set("http://127.0.0.1:7071");
            settings.themeProperty().set(ThemeMode.DARK);
            settings.windowProperty().set(new WindowBounds(10, 20, 1000, 700));
            settings.originalsCapProperty().set(3_500_000_000L);
        } // close writes what the long debounce still holds back

        try (SettingsStore store = store(Duration.ofMillis(10))) {
            StudioSettings settings = store.load();

            assertThat(settings.serverUrlProperty().get()).isEqualTo("http://127.0.0.1:7071");
            assertThat(settings.themeProperty().get()).isEqualTo(ThemeMode.DARK);
            assertThat(settings.windowProperty().get()).isEqualTo(new WindowBounds(10, 20, 1000, 700));
            assertThat(settings.originalsCapProperty().get()).isEqualTo(3_500_000_000L);
        }
    }

    @Test
    void theOriginalsCapDefaultsTo2GbAndAFileBelowTheMinimumGetsTheMinimum() throws IOException {
        try (SettingsStore store = store(Duration.ofMillis(10))) {
            assertThat(store.load().originalsCapProperty().get())
                    .isEqualTo(com.pixfino.studio.core.settings.OriginalsCache.DEFAULT_CAP_BYTES);
        }
        StudioSettings tiny = StudioSettings.fromJson(
                new com.pixfino.studio.core.settings.SettingsJson(null, null, null, null, 1024L));
        assertThat(tiny.originalsCapProperty().get()).isEqualTo(StudioSettings.MIN_ORIGINALS_CAP_BYTES);
    }

    @Test
    void writesInTheBackgroundAfterTheDebounceAndLeavesNoTempFiles() throws Exception {
        try (SettingsStore store = store(Duration.ofMillis(20))) {
            store.load().themeProperty().set(ThemeMode.DARK);

            Path file = dir.resolve("config/settings.json");
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(file));
            assertThat(Files.readString(file)).contains("\"theme\" : \"DARK\"");
        }
        try (Stream<Path> files = Files.list(dir.resolve("config"))) {
            assertThat(files).extracting(path -> path.getFileName().toString()).containsExactly("settings.json");
        }
    }

    @Test
    void brokenFileOrTinyWindowFallsBackToDefaults() throws IOException {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/settings.json"), "{ not json");
        try (SettingsStore store = store(Duration.ofMillis(10))) {
            assertThat(store.load().themeProperty().get()).isEqualTo(ThemeMode.LIGHT);
        }

        Files.writeString(
                dir.resolve("config/settings.json"),
                "{\"theme\":\"DARK\",\"window\":{\"x\":0,\"y\":0,\"width\":5,\"height\":5},\"later\":true}");
        try (SettingsStore store = store(Duration.ofMillis(10))) {
            StudioSettings settings = store.load();
            assertThat(settings.themeProperty().get()).isEqualTo(ThemeMode.DARK);
            assertThat(settings.windowProperty().get()).isNull();
        }
    }
}
