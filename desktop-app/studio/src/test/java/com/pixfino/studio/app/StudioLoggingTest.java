package com.pixfino.studio.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class StudioLoggingTest {

    @Test
    void anInstalledStudioLogsInfoAndUpToTheConsoleInItsLineFormat() {
        LoggerContext context = new LoggerContext();
        StudioLogging logging = new StudioLogging(() -> false);
        logging.setContext(context);

        assertThat(logging.configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(root.getAppender("CONSOLE")).isInstanceOf(ConsoleAppender.class);
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) root.getAppender("CONSOLE");
        assertThat(console.isStarted()).isTrue();
        assertThat(((PatternLayoutEncoder) console.getEncoder()).getPattern())
                .isEqualTo("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} %msg%n");
        assertThat(context.getLogger("com.pixfino.studio").isDebugEnabled()).isFalse();
        assertThat(context.getLogger("com.pixfino.studio").isInfoEnabled()).isTrue();
    }

    @Test
    void aLogbackTestFileOnTheClassPathIsLeftToLogback() {
        LoggerContext context = new LoggerContext();
        StudioLogging logging = new StudioLogging(); // the tests' class path carries logback-test.xml
        logging.setContext(context);

        assertThat(logging.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE"))
                .isNull();
        // and logback read it: the tests' file sets WARN
        assertThat(((LoggerContext) LoggerFactory.getILoggerFactory())
                        .getLogger(Logger.ROOT_LOGGER_NAME)
                        .getLevel())
                .isEqualTo(Level.WARN);
    }
}
