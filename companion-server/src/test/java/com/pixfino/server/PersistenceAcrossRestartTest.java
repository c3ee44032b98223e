package com.pixfino.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.UploadView;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestDatabases;
import com.pixfino.server.testsupport.TestImages;
import com.pixfino.server.testsupport.TestServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The default mode: embedded PostgreSQL under the data directory keeps everything across a stop and start. */
class PersistenceAcrossRestartTest {

    @Test
    void usersPresetsAndUploadsSurviveARestartOnTheSameDataDirectory() throws Exception {
        Path dataDir = TestDatabases.TestDirs.fresh("restart");
        var config = TestServer.config(dataDir, Optional.empty());
        String email = "keeper@example.com";
        String uploadId;
        int presetCount;
        long firstStart = System.nanoTime();
        try (TestServer first = TestServer.start(config)) {
            long startedMillis = (System.nanoTime() - firstStart) / 1_000_000;
            assertThat(startedMillis)
                    .as("first start, with initdb, answers /health within 30 s")
                    .isLessThan(30_000);
            ApiClient api = first.client();
            assertThat(api.get(ApiPaths.HEALTH).status()).isEqualTo(200);
            api.post(ApiPaths.REGISTER, Map.of("email", email, "password", "correct-Horse-7", "name", "Keeper"));
            ApiClient user = api.login(email, "correct-Horse-7");
            var upload = user.upload(ApiPaths.UPLOADS, "me.jpg", TestImages.jpeg(800, 600), "image/jpeg");
            assertThat(upload.status()).isEqualTo(201);
            uploadId = upload.as(UploadView.class).id().toString();
            presetCount = api.get(ApiPaths.PRESETS).json().size();
        }

        try (TestServer second = TestServer.start(config)) {
            ApiClient user = second.client().login(email, "correct-Horse-7");
            assertThat(Studio.credits(user)).isEqualTo(5);
            var upload = user.get(ApiClient.path(ApiPaths.UPLOAD, uploadId));
            assertThat(upload.status()).isEqualTo(200);
            assertThat(upload.as(UploadView.class).width()).isEqualTo(800);
            var thumbnail = user.get(ApiClient.path(ApiPaths.UPLOAD_THUMBNAIL, uploadId));
            assertThat(thumbnail.status()).isEqualTo(200);
            assertThat(thumbnail.bytes()).startsWith((byte) 0xFF, (byte) 0xD8);
            assertThat(second.client().get(ApiPaths.PRESETS).json().size()).isEqualTo(presetCount);
        }
    }
}
