package com.pixfino.studio.core.companion;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.studio.core.companion.LocalCompanion.Plan;
import com.pixfino.studio.core.companion.StartResult.Outcome;
import com.pixfino.studio.core.testsupport.FakeCompanionJar;
import com.pixfino.studio.core.testsupport.HealthResponses;
import com.pixfino.studio.core.testsupport.LocalCompanions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCompanionTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    private Path dir;

    @AutoClose
    private final LocalCompanions local = new LocalCompanions();

    private LocalCompanion companion(Optional<Path> jar) {
        return local.companion(jar, dir.resolve("data/companion.log"), Duration.ofSeconds(30));
    }

    @Test
    void startsNothingWhenTheServerAlreadyAnswers() throws Exception {
        server.setDispatcher(HealthResponses.alwaysOk());
        URI url = URI.create("http://127.0.0.1:" + server.getPort());
        LocalCompanion local = companion(Optional.of(FakeCompanionJar.create(dir)));

        assertThat(local.plan(url)).isEqualTo(Plan.ALREADY_RUNNING);
        assertThat(local.start(url).outcome()).isEqualTo(Outcome.NOT_NEEDED);
        assertThat(local.ownsRunningServer()).isFalse();
        assertThat(dir.resolve("data/companion.log")).doesNotExist();
    }

    @Test
    void missingJarIsAClearResultNotACrash() throws Exception {
        URI dead = URI.create("http://127.0.0.1:" + HealthResponses.deadPort());
        Path missing = dir.resolve("companion-server/target/pixfino-server.jar");
        LocalCompanion local = companion(Optional.of(missing));

        assertThat(local.plan(dead)).isEqualTo(Plan.JAR_MISSING);
        assertThat(local.start(dead)).isEqualTo(new StartResult(Outcome.JAR_MISSING, missing.toString()));
        assertThat(local.ownsRunningServer()).isFalse();
    }

    @Test
    void leavesRemoteServersAndUnconfiguredStudiosAlone() {
        assertThat(companion(Optional.of(dir.resolve("x.jar"))).plan(URI.create("https://pixfino.example")))
                .isEqualTo(Plan.NOT_LOCAL);
        assertThat(companion(Optional.empty()).plan(URI.create("http://localhost:7070")))
                .isEqualTo(Plan.NOT_CONFIGURED);
    }

    @Test
    void startsTheJarOnTheUrlPortLogsItsOutputAndStopsItOnClose() throws Exception {
        URI url = URI.create("http://127.0.0.1:" + HealthResponses.deadPort());
        LocalCompanion local = companion(Optional.of(FakeCompanionJar.create(dir)));
        assertThat(local.plan(url)).isEqualTo(Plan.CAN_START);

        StartResult result = local.start(url);

        assertThat(result.outcome()).isEqualTo(Outcome.STARTED);
        assertThat(local.ownsRunningServer()).isTrue();
        long pid = Long.parseLong(result.detail());
        assertThat(Files.readString(dir.resolve("data/companion.log")))
                .contains("fake companion listening on port " + url.getPort());

        local.close();

        assertThat(local.ownsRunningServer()).isFalse();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isIn(Optional.empty(), Optional.of(false));
    }

    @Test
    void recognisesLoopbackUrlsWithoutDns() {
        assertThat(LoopbackUrls.isLoopback(URI.create("http://127.0.0.1:7070"))).isTrue();
        assertThat(LoopbackUrls.isLoopback(URI.create("http://localhost:7070"))).isTrue();
        assertThat(LoopbackUrls.isLoopback(URI.create("http://[::1]:7070"))).isTrue();
        assertThat(LoopbackUrls.isLoopback(URI.create("http://192.168.1.20:7070")))
                .isFalse();
        assertThat(LoopbackUrls.isLoopback(URI.create("http://pixfino.example")))
                .isFalse();
    }
}
