package com.pixfino.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.ApiPaths;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every failure is a JSON error body with the right status, never a stack trace or a 500. */
class ErrorsApiTest {

    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static void assertJsonError(Answer answer, int status, String code) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.errorCode()).isEqualTo(code);
        assertThat(answer.json().path("error").path("message").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "not json", "[1,2]", "null", "\"text\""})
    void malformedJsonIs400(String body) {
        assertJsonError(SERVER.client().postRaw(ApiPaths.REGISTER, body), 400, "malformed_json");
    }

    @Test
    void aFieldOfTheWrongTypeIs400NamingIt() {
        Answer answer = SERVER.client().postRaw("/api/v1/auth/register", "{\"email\": {\"nested\": true}}");
        assertJsonError(answer, 400, "invalid_field");
        assertThat(answer.json().path("error").path("message").asText()).isEqualTo("email must be text.");
    }

    @Test
    void emptyBodyIs400() {
        assertJsonError(SERVER.client().postRaw(ApiPaths.LOGIN, ""), 400, "malformed_json");
    }

    @Test
    void unknownRouteIs404() {
        assertJsonError(SERVER.client().get("/api/v1/nothing-here"), 404, "not_found");
        assertJsonError(SERVER.client().get("/totally/unknown"), 404, "not_found");
    }

    @Test
    void wrongMethodIs405() {
        assertJsonError(SERVER.client().method("DELETE", ApiPaths.PRESETS, null), 405, "method_not_allowed");
        assertJsonError(SERVER.client().method("PUT", ApiPaths.REGISTER, "{}"), 405, "method_not_allowed");
    }

    @Test
    void missingTokenIs401Json() {
        assertJsonError(SERVER.client().get(ApiPaths.ME), 401, "unauthorized");
    }

    @Test
    void oversizedJsonBodyIs413() {
        String huge = "{\"email\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
        Answer answer = SERVER.client().postRaw(ApiPaths.LOGIN, huge);
        assertJsonError(answer, 413, "payload_too_large");
    }

    @Test
    void badPagingParametersAre400() {
        ApiClient user = SERVER.client().registerNew();
        assertJsonError(user.get(ApiPaths.LEDGER + "?limit=0"), 400, "invalid_limit");
        assertJsonError(user.get(ApiPaths.LEDGER + "?limit=abc"), 400, "invalid_limit");
        assertJsonError(user.get(ApiPaths.LEDGER + "?cursor=xyz"), 400, "invalid_cursor");
    }

    @Test
    void answersCarrySecurityHeaders() {
        Answer answer = SERVER.client().get(ApiPaths.PRESETS);
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
    }
}
