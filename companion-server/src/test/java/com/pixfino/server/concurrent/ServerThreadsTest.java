package com.pixfino.server.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ServerThreadsTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(ServerThreads.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(logged);
    }

    @Test
    void threadsAreNamedInTurnAndNeverHoldTheJvmOpen() {
        ServerThreads threads = ServerThreads.named("worker");

        Thread first = threads.newThread(() -> {});
        Thread second = threads.newThread(() -> {});

        assertThat(first.getName()).isEqualTo("worker-1");
        assertThat(second.getName()).isEqualTo("worker-2");
        assertThat(first.isDaemon()).isTrue();
    }

    @Test
    void anExceptionEscapingAThreadIsLoggedWithTheThreadsName() {
        Thread thread = ServerThreads.named("doomed").newThread(() -> {
            throw new IllegalStateException("boom");
        });

        thread.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> !logged.list.isEmpty());
        ILoggingEvent event = logged.list.get(0);
        assertThat(event.getFormattedMessage()).isEqualTo("event=uncaught_exception thread=doomed-1");
        assertThat(event.getThrowableProxy().getMessage()).isEqualTo("boom");
    }

    @Test
    void poolsRunOnTheirNamedThreads() throws Exception {
        ExecutorService pool = ServerThreads.named("provider-call").cachedPool();
        try {
            Future<String> name = pool.submit(() -> Thread.currentThread().getName());
            assertThat(name.get()).startsWith("provider-call-");
        } finally {
            pool.shutdownNow();
        }
    }
}
