package com.pixfino.studio.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.studio.core.gallery.GalleryCache;
import com.pixfino.studio.core.net.CompanionClient;
import com.pixfino.studio.core.net.CompanionClients;
import com.pixfino.studio.core.net.ServerUrl;
import com.pixfino.studio.core.photo.PhotoCheck;
import com.pixfino.studio.core.testsupport.HealthResponses;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The studio hands the core a guard that knows the JavaFX thread: I/O asked for there is refused, off it it runs. */
class FxThreadGuardTest {

    private final FxThreadGuard guard = new FxThreadGuard();

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void httpCallsAreRefusedOnTheFxThreadBeforeAnyRequest() throws Exception {
        server.enqueue(HealthResponses.ok());
        try (CompanionClients clients = CompanionClients.withDefaults(new ObjectMapper(), guard)) {
            CompanionClient client = clients.forServer(
                    ServerUrl.parse(server.url("/").toString()).orElseThrow());

            assertRefusedOnFxThread(WaitForAsyncUtils.asyncFx(client::health));
            assertThat(server.getRequestCount()).isZero();

            assertThat(client.health().isOk()).isTrue();
        }
    }

    @Test
    void galleryCacheAndPhotoCheckAreRefusedOnTheFxThread() throws Exception {
        try (GalleryCache cache = GalleryCache.open(dir.resolve("gallery.db"), dir.resolve("files"), guard)) {
            assertRefusedOnFxThread(WaitForAsyncUtils.asyncFx(() -> cache.items("owner")));
            assertThat(cache.items("owner")).isEmpty();
        }
        PhotoCheck check = new PhotoCheck(guard);
        assertRefusedOnFxThread(WaitForAsyncUtils.asyncFx(() -> check.check(dir.resolve("missing.jpg"))));
    }

    private static void assertRefusedOnFxThread(Future<?> onFxThread) {
        assertThatThrownBy(() -> onFxThread.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must not run on the UI thread");
    }
}
