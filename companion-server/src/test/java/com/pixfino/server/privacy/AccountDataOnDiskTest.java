package com.pixfino.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ScriptedProvider;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Export and deletion with files on the local filesystem. */
class AccountDataOnDiskTest extends AccountDataContract {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.withProviders(List.of(new ScriptedProvider("replicate")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aFileStorageCannotReadIsListedInsteadOfBreakingTheZip() throws IOException {
        ApiClient user = new Studio(server).userWithCredits(5);
        String upload = Studio.upload(user);
        Path stored = server.config()
                .dataDir()
                .resolve("files")
                .resolve(storedKeysOf(Studio.userId(user)).stream()
                        .filter(key -> !key.contains("-thumb"))
                        .findFirst()
                        .orElseThrow());
        Files.delete(stored);

        Map<String, byte[]> zip = exportOf(user);

        assertThat(zip).containsKey("uploads.json").doesNotContainKey("uploads/" + upload + ".jpg");
        assertThat(new String(zip.get("missing-files.txt"), StandardCharsets.UTF_8))
                .contains("uploads/" + upload + ".jpg");
        assertThat(zip).containsKey("uploads/" + upload + "-thumbnail.jpg");
    }

    @Test
    void theApiDocumentDescribesExportAndDeletion() {
        var paths = server.client().get("/openapi.json").json().get("paths");

        assertThat(paths.path("/api/v1/me/export").has("get")).isTrue();
        assertThat(paths.path("/api/v1/me").has("delete")).isTrue();
        assertThat(paths.path("/api/v1/me").path("delete").path("responses").has("403"))
                .isTrue();
        assertThat(paths.path("/api/v1/auth/login")
                        .path("post")
                        .path("responses")
                        .has("429"))
                .isTrue();
    }

    @Override
    protected TestServer server() {
        return server;
    }

    @Override
    protected List<String> storedKeysOf(UUID userId) {
        Path files = server.config().dataDir().resolve("files");
        List<String> keys = new ArrayList<>();
        for (String folder : List.of("uploads", "generations")) {
            Path dir = files.resolve(folder).resolve(userId.toString());
            if (Files.isDirectory(dir)) {
                try (Stream<Path> list = Files.list(dir)) {
                    list.forEach(p -> keys.add(files.relativize(p).toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return keys;
    }
}
