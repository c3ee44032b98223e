package com.pixfino.server.generation;

import com.pixfino.server.ServerApp;
import com.pixfino.server.config.ServerConfig;
import com.pixfino.server.testsupport.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The server the crash test starts as a separate process: args are the data dir, the JDBC URL and a file to write its port to. */
public final class CrashTestServerMain {

    private CrashTestServerMain() {}

    public static void main(String[] args) throws Exception {
        ServerConfig base = TestServer.config(
                Path.of(args[0]), Optional.of(new ServerConfig.DatabaseSettings(args[1], "postgres", null)));
        ServerConfig config = base.withJobs(
                new JobSettings(
                        Duration.ofMillis(200),
                        Duration.ofMinutes(2),
                        Duration.ofMillis(100),
                        Duration.ofSeconds(1),
                        8),
                base.resilience());
        ServerApp app = ServerApp.start(config, List.of(new SlowStatelessProvider()));
        Path portFile = Path.of(args[2]);
        Files.writeString(portFile.resolveSibling(portFile.getFileName() + ".tmp"), Integer.toString(app.port()));
        Files.move(
                portFile.resolveSibling(portFile.getFileName() + ".tmp"),
                portFile,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
