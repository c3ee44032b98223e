package com.pixfino.studio.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.studio.core.companion.LocalCompanion;
import com.pixfino.studio.core.connection.ConnectionState;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.testsupport.FakeCompanionJar;
import com.pixfino.studio.core.testsupport.HealthResponses;
import com.pixfino.studio.core.testsupport.LocalCompanions;
import com.pixfino.studio.testsupport.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConnectionViewModelTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    private Path dir;

    private final StringProperty savedUrl = new SimpleStringProperty("http://127.0.0.1:7070");

    @AutoClose
    private final LocalCompanions local = new LocalCompanions();

    private LocalCompanion companion;

    private ServerConnectionViewModel viewModel(Optional<Path> companionJar) {
        companion = local.companion(companionJar, dir.resolve("companion.log"), Duration.ofSeconds(20));
        return new ServerConnectionViewModel(
                new CurrentThreadTaskExecutor(), local.clients(), companion, Messages.load(Locale.ENGLISH), savedUrl);
    }

    /** A view model without a companion jar that has checked {@code url}. */
    private ServerConnectionViewModel checked(String url) {
        ServerConnectionViewModel vm = viewModel(Optional.empty());
        vm.serverUrlProperty().set(url);
        vm.check();
        return vm;
    }

    private String serverUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    @Test
    void healthyServerShowsConnected() {
        server.enqueue(HealthResponses.ok());
        ServerConnectionViewModel vm = checked(serverUrl());

        assertThat(vm.statusProperty().get()).isEqualTo("Connected to Pixfino server (database ok)");
        assertThat(vm.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(savedUrl.get()).as("a checked URL is remembered").isEqualTo(serverUrl());
    }

    @Test
    void serverWithDatabaseDownNamesTheUrl() {
        server.enqueue(HealthResponses.degraded());
        ServerConnectionViewModel vm = checked(serverUrl());

        assertThat(vm.stateProperty().get()).isEqualTo(ConnectionState.DEGRADED);
        assertThat(vm.statusProperty().get())
                .isEqualTo("The Pixfino server at " + serverUrl()
                        + " is running, but its database is down. Check the server log, then try again.");
    }

    @Test
    void refusedConnectionGivesReadableOfflineMessage() throws Exception {
        String dead = "http://127.0.0.1:" + HealthResponses.deadPort();
        ServerConnectionViewModel vm = checked(dead);

        assertThat(vm.stateProperty().get()).isEqualTo(ConnectionState.OFFLINE);
        assertThat(vm.statusProperty().get())
                .isEqualTo("Cannot reach the Pixfino server at " + dead
                        + ": connection refused. Start it with java -jar companion-server/target/pixfino-server.jar"
                        + " or check the URL.");
    }

    @Test
    void badUrlShowsValidationMessageAndSendsNoRequest() {
        ServerConnectionViewModel vm = checked("127.0.0.1 port 7070");

        assertThat(vm.stateProperty().get()).isEqualTo(ConnectionState.INVALID_URL);
        assertThat(vm.statusProperty().get())
                .isEqualTo(
                        "\u201c127.0.0.1 port 7070\u201d is not a server URL. Enter one like http://127.0.0.1:7070.");
        assertThat(server.getRequestCount()).isZero();
        assertThat(savedUrl.get()).as("an invalid URL is not remembered").isEqualTo("http://127.0.0.1:7070");
    }

    @Test
    void startupCheckWithoutCompanionJarJustChecks() {
        server.enqueue(HealthResponses.ok());
        savedUrl.set(serverUrl());
        ServerConnectionViewModel vm = viewModel(Optional.empty());

        vm.connectOnStart();

        assertThat(vm.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void startupCheckStartsTheLocalServerAndSaysSoMeanwhile() throws Exception {
        savedUrl.set("http://127.0.0.1:" + HealthResponses.deadPort());
        ServerConnectionViewModel vm = viewModel(Optional.of(FakeCompanionJar.create(dir)));
        List<String> shown = new ArrayList<>();
        vm.statusProperty().addListener((obs, was, now) -> shown.add(now));

        vm.connectOnStart();

        assertThat(shown)
                .containsSubsequence(
                        "Starting the local Pixfino server\u2026", "Connected to Pixfino server (database ok)");
        assertThat(companion.ownsRunningServer()).isTrue();
    }

    @Test
    void startupCheckWithMissingCompanionJarSaysHowToBuildIt() throws Exception {
        String dead = "http://127.0.0.1:" + HealthResponses.deadPort();
        savedUrl.set(dead);
        Path jar = dir.resolve("pixfino-server.jar");
        ServerConnectionViewModel vm = viewModel(Optional.of(jar));

        vm.connectOnStart();

        assertThat(vm.stateProperty().get()).isEqualTo(ConnectionState.OFFLINE);
        assertThat(vm.statusProperty().get())
                .startsWith("Cannot reach the Pixfino server at " + dead + ": connection refused.")
                .contains("The local server jar " + jar + " does not exist yet")
                .contains("mvn -pl companion-server -am package");
    }
}
