package com.pixfino.studio.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.function.BooleanSupplier;

/**
 * The studio's logging, set in code: lines of {@code time level [thread] logger message} on the console, INFO and up.
 * Reading the same from a logback.xml costs the studio's start about 100 ms of XML processing before its window can
 * show (bench/cold-start). A {@code logback-test.xml} on the class path or {@code -Dlogback.configurationFile} still
 * wins: this then steps aside for logback's own reading of it.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class StudioLogging extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} %msg%n";

    private final BooleanSupplier configuredElsewhere;

    /** Used by logback (a service of the class path). */
    public StudioLogging() {
        this(() -> System.getProperty(ContextInitializer.CONFIG_FILE_PROPERTY) != null
                || StudioLogging.class.getClassLoader().getResource(ContextInitializer.TEST_AUTOCONFIG_FILE) != null);
    }

    StudioLogging(BooleanSupplier configuredElsewhere) {
        this.configuredElsewhere = configuredElsewhere;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (configuredElsewhere.getAsBoolean()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
