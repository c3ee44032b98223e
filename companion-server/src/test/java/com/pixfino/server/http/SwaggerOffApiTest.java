package com.pixfino.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.ServerExtension;
import com.pixfino.server.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PIXFINO_SWAGGER=false: no Swagger UI page or assets; the OpenAPI document stays. */
class SwaggerOffApiTest {

    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension(
            () -> TestServer.start(TestServer.freshConfig("swagger-off").withSwaggerUi(false)));

    @Test
    void swaggerUiIsGoneAndTheDocumentStays() {
        Answer page = SERVER.client().get("/swagger");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.errorCode()).isEqualTo("not_found");
        assertThat(SERVER.client()
                        .get("/webjars/swagger-ui/5.17.14/swagger-ui.css")
                        .status())
                .isEqualTo(404);
        assertThat(SERVER.client().get("/openapi.json").status()).isEqualTo(200);
    }
}
