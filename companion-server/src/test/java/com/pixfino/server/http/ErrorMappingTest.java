package com.pixfino.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.server.ServerApp;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.javalin.testtools.JavalinTest;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A failure of ours: one short log entry under an id, the id in the answer, nothing else of it. */
class ErrorMappingTest {

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ErrorMapping.class);

    @BeforeEach
    void capture() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logged);
    }

    private static Javalin app() {
        ObjectMapper mapper = ServerApp.objectMapper();
        Javalin app = Javalin.create(config -> config.jsonMapper(new JavalinJackson(mapper, false)));
        ErrorMapping.install(app);
        app.get("/boom", ctx -> deep(300));
        app.get("/refused-while-reading", ctx -> {
            throw new IllegalStateException(
                    new org.eclipse.jetty.http.BadMessageException(400, "Illegal character CNTL=0x0"));
        });
        return app;
    }

    private static void deep(int depth) {
        if (depth == 0) {
            throw new IllegalStateException(
                    "wrapped", new java.sql.SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00"));
        }
        deep(depth - 1);
    }

    @Test
    void anUnhandledFailureIsLoggedOnceBrieflyUnderTheIdTheAnswerCarries() {
        JavalinTest.test(app(), (server, client) -> {
            try (Response response = client.get("/boom")) {
                assertThat(response.code()).isEqualTo(500);
                assertThat(response.header("Content-Type")).startsWith("application/json");
                JsonNode error =
                        new ObjectMapper().readTree(response.body().string()).get("error");
                assertThat(error.get("code").asText()).isEqualTo("internal_error");
                String errorId = error.get("errorId").asText();
                assertThat(errorId).matches("[0-9a-f]{12}");
                assertThat(error.get("message").asText())
                        .contains(errorId)
                        .doesNotContain("SQL")
                        .doesNotContain("Exception");

                List<ILoggingEvent> errors = logged.list.stream()
                        .filter(e -> e.getLevel() == Level.ERROR)
                        .toList();
                assertThat(errors).hasSize(1);
                ILoggingEvent entry = errors.get(0);
                assertThat(entry.getThrowableProxy()).as("no full stack trace").isNull();
                String text = entry.getFormattedMessage();
                assertThat(text)
                        .contains("errorId=" + errorId)
                        .contains("path=/boom")
                        .contains("java.lang.IllegalStateException: wrapped")
                        .contains("caused by java.sql.SQLException")
                        .contains("at com.pixfino.server.http.ErrorMappingTest.deep");
                assertThat(text.lines().count()).isLessThan(20);
            }
        });
    }

    @Test
    void aRefusalJettyRaisedWhileAHandlerReadIsA400NotAFailure() {
        JavalinTest.test(app(), (server, client) -> {
            try (Response response = client.get("/refused-while-reading")) {
                assertThat(response.code()).isEqualTo(400);
                assertThat(response.body().string()).contains("\"bad_request\"").doesNotContain("errorId");
                assertThat(logged.list).isEmpty();
            }
        });
    }

    @Test
    void aShortTraceKeepsTheFirstFramesAndTheFirstOfOurs() {
        Exception failure = new RuntimeException("outer", new IllegalArgumentException("inner"));
        String trace = ShortTrace.of(failure);
        assertThat(trace)
                .startsWith("java.lang.RuntimeException: outer")
                .contains("caused by java.lang.IllegalArgumentException: inner");
        assertThat(trace.lines().filter(l -> l.trim().startsWith("at ")).count())
                .isLessThanOrEqualTo(2L * (ShortTrace.FRAMES + 1));
    }
}
