package com.pixfino.server;

import ch.qos.logback.classic.LoggerContext;
import com.pixfino.server.concurrent.ServerThreads;
import com.pixfino.server.config.ConfigException;
import com.pixfino.server.config.ConfigLoader;
import com.pixfino.server.config.ServerConfig;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar pixfino-server.jar}: configuration from the environment, stop on SIGTERM. */
public final class ServerMain {

    private static final Logger log = LoggerFactory.getLogger(ServerMain.class);

    private ServerMain() {}

    public static void main(String[] args) {
        // one hook, so the order is ours: the graceful stop (SIGTERM, exit 143) logs its last line, then logging
        // writes out what it still holds (a start-up refusal's sentence included) and stops
        AtomicReference<ServerApp> running = new AtomicReference<>();
        Runtime.getRuntime()
                .addShutdownHook(ServerThreads.named("pixfino-shutdown").newThread(() -> {
                    ServerApp app = running.get();
                    if (app != null) {
                        app.close();
                    }
                    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
                        logging.stop();
                    }
                }));
        ServerConfig config;
        try {
            config = new ConfigLoader(System.getenv()).load();
        } catch (ConfigException e) {
            log.error("Pixfino server cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        try {
            running.set(ServerApp.start(config));
        } catch (ConfigException e) {
            log.error("Pixfino server cannot start: {}", e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            log.error("Pixfino server cannot start: {}", rootMessage(e), e);
            System.exit(1);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
