package com.pixfino.model.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ErrorBodyJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void errorIdIsWrittenOnlyWhenThereIsOne() throws Exception {
        assertThat(json.writeValueAsString(ErrorBody.of("not_found", "Nothing here.")))
                .isEqualTo("{\"error\":{\"code\":\"not_found\",\"message\":\"Nothing here.\"}}");
        assertThat(json.writeValueAsString(ErrorBody.of("internal_error", "Logged.", "0a1b2c3d4e5f")))
                .isEqualTo(
                        "{\"error\":{\"code\":\"internal_error\",\"message\":\"Logged.\",\"errorId\":\"0a1b2c3d4e5f\"}}");
    }

    @Test
    void bodiesWithAndWithoutAnIdReadBack() throws Exception {
        assertThat(json.readValue("{\"error\":{\"code\":\"c\",\"message\":\"m\"}}", ErrorBody.class))
                .isEqualTo(ErrorBody.of("c", "m"));
        assertThat(json.readValue("{\"error\":{\"code\":\"c\",\"message\":\"m\",\"errorId\":\"x\"}}", ErrorBody.class)
                        .error()
                        .errorId())
                .isEqualTo("x");
    }
}
