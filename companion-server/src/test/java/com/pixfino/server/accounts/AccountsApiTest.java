package com.pixfino.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.ServerExtension;
import com.pixfino.server.testsupport.TestServer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountsApiTest {

    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static String email() {
        return "Someone." + UUID.randomUUID() + "@Example.com";
    }

    @Test
    void registerAnswers201WithTokenAndFreeTierUser() {
        String email = email();
        Answer answer = SERVER.client().post("/api/v1/auth/register", Map.of("email", email, "password", "correct-Horse-7", "name", "Ada"));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("token").asText()).startsWith("pxt_").hasSizeGreaterThan(40);
        var user = answer.json().get("user");
        assertThat(user.get("email").asText()).isEqualTo(email.toLowerCase());
        assertThat(user.get("name").asText()).isEqualTo("Ada");
        assertThat(user.get("role").asText()).isEqualTo("USER");
        assertThat(user.get("tier").asText()).isEqualTo("FREE");
        assertThat(user.get("credits").asInt()).isEqualTo(5);
        assertThat(user.has("passwordHash")).isFalse();
    }

    @Test
    void duplicateEmailIs409EvenWithOtherCase() {
        String email = email();
        SERVER.client().post("/api/v1/auth/register", Map.of("email", email, "password", "correct-Horse-7", "name", "A"));
        Answer again = SERVER.client().post("/api/v1/auth/register", Map.of("email", email.toUpperCase(), "password", "other-Horse-8", "name", "B"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("email_taken");
        assertThat(again.json().path("error").path("message").asText()).contains("already exists");
    }

    @ParameterizedTest
    @ValueSource(strings = {"short1!", "onlyletterslong", "1234567890123", "aaaaaaaaaa1"})
    void weakPasswordIs400(String password) {
        Answer answer = SERVER.client().post("/api/v1/auth/register", Map.of("email", email(), "password", password, "name", "W"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("weak_password");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-email", "a@b", "two@@example.com", "spaces in@example.com", ""})
    void badEmailIs400(String email) {
        Answer answer = SERVER.client().post("/api/v1/auth/register", Map.of("email", email, "password", "correct-Horse-7", "name", "E"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("invalid_email");
    }

    @Test
    void loginWithRightPasswordGivesAWorkingToken() {
        String email = email();
        SERVER.client().post("/api/v1/auth/register", Map.of("email", email, "password", "correct-Horse-7", "name", "L"));

        Answer login = SERVER.client().post("/api/v1/auth/login", Map.of("email", email, "password", "correct-Horse-7"));
        assertThat(login.status()).isEqualTo(200);
        Answer me = SERVER.client().withToken(login.json().get("token").asText()).get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("email").asText()).isEqualTo(email.toLowerCase());
        assertThat(me.json().get("credits").asInt()).isEqualTo(5);
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSame401() {
        String email = email();
        SERVER.client().post("/api/v1/auth/register", Map.of("email", email, "password", "correct-Horse-7", "name", "L"));

        Answer wrongPassword = SERVER.client().post("/api/v1/auth/login", Map.of("email", email, "password", "wrong-Horse-7"));
        Answer unknownEmail = SERVER.client().post("/api/v1/auth/login", Map.of("email", email(), "password", "correct-Horse-7"));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(unknownEmail.body());
    }

    @Test
    void logoutRevokesTheToken() {
        ApiClient user = SERVER.client().registerNew();
        assertThat(user.get("/api/v1/me").status()).isEqualTo(200);

        assertThat(user.post("/api/v1/auth/logout", Map.of()).status()).isEqualTo(204);

        Answer after = user.get("/api/v1/me");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.errorCode()).isEqualTo("unauthorized");
    }

    @Test
    void meNeedsAValidBearerToken() {
        assertThat(SERVER.client().get("/api/v1/me").status()).isEqualTo(401);
        assertThat(SERVER.client().withToken("pxt_forged-token-value").get("/api/v1/me").status()).isEqualTo(401);
        assertThat(SERVER.client().withToken("garbage").get("/api/v1/me").errorCode()).isEqualTo("unauthorized");
    }

    @Test
    void meShowsTheContractFields() {
        Answer me = SERVER.client().registerNew().get("/api/v1/me");
        assertThat(me.json().fieldNames()).toIterable()
                .containsExactlyInAnyOrder("id", "email", "name", "role", "tier", "credits");
    }

    @Test
    void configuredAdminExistsWithAdminRole() {
        ApiClient admin = SERVER.client().login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        assertThat(admin.get("/api/v1/me").json().get("role").asText()).isEqualTo("ADMIN");
    }
}
