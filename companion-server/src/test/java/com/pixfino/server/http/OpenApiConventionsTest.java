package com.pixfino.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class OpenApiConventionsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void bareErrorsAnswerErrorBodyAndPathParametersCanBeNotFound() throws Exception {
        ObjectNode document = (ObjectNode) MAPPER.readTree("""
                {"paths": {"/things/{id}": {"post": {
                    "parameters": [{"name": "id", "in": "path"}],
                    "responses": {
                        "409": {"description": "Taken"},
                        "200": {"description": "OK"},
                        "503": {"description": "Down", "content": {"text/plain": {}}}}}}}}
                """);

        JsonNode processed = MAPPER.readTree(OpenApiConventions.process(document));

        JsonNode responses = processed.at("/paths/~1things~1{id}/post/responses");
        assertThat(responses.fieldNames()).toIterable().containsExactly("200", "404", "409", "503");
        assertThat(responses.at("/409/description").asText()).isEqualTo("Taken");
        assertThat(responses.at("/409/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/ErrorBody");
        assertThat(responses.at("/404/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/ErrorBody");
        assertThat(responses.at("/200").has("content")).isFalse();
        assertThat(responses.at("/503/content").has("application/json")).isFalse();
        JsonNode schemas = processed.at("/components/schemas");
        assertThat(schemas.at("/ErrorBody/properties/error/$ref").asText()).isEqualTo("#/components/schemas/Detail");
        assertThat(schemas.at("/Detail/properties").fieldNames())
                .toIterable()
                .containsExactly("code", "message", "errorId");
    }

    @Test
    void aRouteWithoutPathParametersGetsNoNotFound() throws Exception {
        ObjectNode document = (ObjectNode) MAPPER.readTree("""
                {"paths": {"/things": {"get": {"responses": {"200": {"description": "OK"}}}}}}
                """);

        JsonNode processed = MAPPER.readTree(OpenApiConventions.process(document));

        assertThat(processed.at("/paths/~1things/get/responses").has("404")).isFalse();
    }

    @Test
    void anOperationWithoutTagsIsTaggedByItsResourceAndExplicitTagsStay() throws Exception {
        ObjectNode document = (ObjectNode) MAPPER.readTree("""
                {"paths": {
                    "/api/v1/generations/{id}/output": {"get": {"responses": {}}},
                    "/api/v1/auth/login": {"post": {"tags": [], "responses": {}}},
                    "/api/v1/me/export": {"get": {"responses": {}}},
                    "/health": {"get": {"responses": {}}},
                    "/api/v1/presets": {"get": {"tags": ["Catalogue"], "responses": {}}}}}
                """);

        JsonNode paths = MAPPER.readTree(OpenApiConventions.process(document)).path("paths");

        assertThat(paths.at("/~1api~1v1~1generations~1{id}~1output/get/tags").toString())
                .isEqualTo("[\"Generations\"]");
        assertThat(paths.at("/~1api~1v1~1auth~1login/post/tags").toString()).isEqualTo("[\"Accounts\"]");
        assertThat(paths.at("/~1api~1v1~1me~1export/get/tags").toString()).isEqualTo("[\"Accounts\"]");
        assertThat(paths.at("/~1health/get/tags").toString()).isEqualTo("[\"Operations\"]");
        assertThat(paths.at("/~1api~1v1~1presets/get/tags").toString()).isEqualTo("[\"Catalogue\"]");
    }
}
