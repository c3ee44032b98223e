package com.pixfino.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.model.ApiPaths;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.TestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@code PIXFINO_LOG_FORMAT}: JSON lines for journald/ELK, key=value text otherwise; secrets in neither. */
class LogFormatEncoderTest {

    private static final String PASSWORD = "Very-Secret-Pass-91";

    @Test
    void jsonLinesParseAndCarryNoSecrets() throws Exception {
        String written = logsOf("json", () -> {
            try (TestServer server = TestServer.start()) {
                ApiClient user = server.client();
                String email = "json-" + System.nanoTime() + "@example.com";
                String token = user.post(ApiPaths.REGISTER, Map.of("email", email, "password", PASSWORD, "name", "J"))
                        .json()
                        .get("token")
                        .asText();
                user.post(ApiPaths.LOGIN, Map.of("email", email, "password", "wrong-" + PASSWORD));
                user.withToken(token).post(ApiPaths.LOGOUT, Map.of());
                return List.of(token, PASSWORD, TestServer.ADMIN_PASSWORD);
            }
        });
        List<String> lines = written.lines().toList();
        assertThat(lines).hasSizeGreaterThan(3);
        ObjectMapper mapper = new ObjectMapper();
        for (String line : lines) {
            JsonNode json = mapper.readTree(line);
            assertThat(json.isObject()).as(line).isTrue();
            assertThat(json.get("level").asText()).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
            assertThat(json.has("timestamp")).isTrue();
            assertThat(json.has("loggerName")).isTrue();
            assertThat(json.has("formattedMessage")).isTrue();
        }
        assertThat(written).contains("event=server_started").contains("event=server_stopped");
        for (String secret : secrets) {
            assertThat(written).doesNotContain(secret);
        }
    }

    @Test
    void textLinesAreKeyValue() {
        String written = logsOf("text", () -> {
            LoggerFactory.getLogger("com.pixfino.server.Sample").info("event=sample user={}", 42);
            return List.of();
        });
        assertThat(written.strip())
                .matches("\\d{4}-\\d\\d-\\d\\d \\S+ level=INFO thread=\\S+ logger=\\S+ event=sample user=42");
    }

    @Test
    void onlyJsonAndTextAreFormats() {
        assertThat(LogFormatEncoder.isFormat("JSON")).isTrue();
        assertThat(LogFormatEncoder.isFormat("text")).isTrue();
        assertThat(LogFormatEncoder.isFormat("logfmt")).isFalse();
    }

    private List<String> secrets = List.of();

    /** What the root logger writes through the encoder in {@code format} while {@code work} runs. */
    private String logsOf(String format, java.util.function.Supplier<List<String>> work) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogFormatEncoder encoder = new LogFormatEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        try {
            secrets = work.get();
        } finally {
            root.detachAppender(appender);
            appender.stop();
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
