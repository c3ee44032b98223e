package com.pixfino.studio.core.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.studio.core.companion.LocalCompanion;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.connection.ServerAnswersProbe;
import com.pixfino.studio.core.net.CompanionClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The HTTP clients and the local companion of one test, running this JVM's java; closing it stops the companion
 * (and any server it started) and the clients. Use as an {@code @AutoClose} field.
 */
public final class LocalCompanions implements AutoCloseable {

    private final CompanionClients clients = CompanionClients.withDefaults(new ObjectMapper(), UiThreadGuard.NONE);
    private LocalCompanion companion;

    public CompanionClients clients() {
        return clients;
    }

    /** The companion that would start {@code jar}, logging to {@code log}, waiting at most {@code startTimeout}. */
    public LocalCompanion companion(Optional<Path> jar, Path log, Duration startTimeout) {
        companion = new LocalCompanion(
                jar, FakeCompanionJar.currentJava(), log, new ServerAnswersProbe(clients), startTimeout);
        return companion;
    }

    @Override
    public void close() {
        if (companion != null) {
            companion.close();
        }
        clients.close();
    }
}
