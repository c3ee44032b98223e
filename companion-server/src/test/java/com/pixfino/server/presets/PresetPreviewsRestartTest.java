package com.pixfino.server.presets;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.ApiPaths;
import com.pixfino.server.config.ServerConfig;
import com.pixfino.server.testsupport.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The background pass at start renders every preview once; a restart on the same data renders none again. */
class PresetPreviewsRestartTest {

    @Test
    void aRestartKeepsThePreviewsItMadeAndRendersNothing() throws Exception {
        ServerConfig config = TestServer.freshConfig("previews-restart").withPresetPreviews(true);
        Path files = config.dataDir().resolve("files").resolve("presets");
        Map<Path, FileTime> made;
        try (TestServer first = TestServer.start(config)) {
            long start = System.nanoTime();
            int rendered = first.services().presetThumbnails().lastPass().get(60, TimeUnit.SECONDS);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(rendered).isEqualTo(35);
            assertThat(first.client().get(ApiPaths.PRESETS).json().findValuesAsText("thumbnailUrl"))
                    .hasSize(35)
                    .allMatch(url -> url.matches("/api/v1/presets/\\d+/thumbnail"));
            made = stored(files);
            assertThat(made).hasSize(35);
            org.slf4j.LoggerFactory.getLogger(getClass())
                    .info("event=first_start_previews count={} millis={}", rendered, millis);
        }
        try (TestServer second = TestServer.start(config)) {
            assertThat(second.services().presetThumbnails().lastPass().get(60, TimeUnit.SECONDS))
                    .isZero();
            assertThat(stored(files)).as("the same files, not written again").isEqualTo(made);
            assertThat(second.client().get(ApiPaths.PRESETS).json().findValuesAsText("thumbnailUrl"))
                    .hasSize(35);
        }
    }

    private static Map<Path, FileTime> stored(Path dir) throws Exception {
        Map<Path, FileTime> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file), Files.getLastModifiedTime(file));
            }
        }
        return files;
    }
}
