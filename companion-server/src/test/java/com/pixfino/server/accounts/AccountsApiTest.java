package com.pixfino.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.Role;
import com.pixfino.model.Tier;
import com.pixfino.model.api.AuthResponse;
import com.pixfino.model.api.UserView;
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

    private static Answer register(String email, String password, String name) {
        return SERVER.client().post(ApiPaths.REGISTER, Map.of("email", email, "password", password, "name", name));
    }

    private static Answer login(String email, String password) {
        return SERVER.client().post(ApiPaths.LOGIN, Map.of("email", email, "password", password));
    }

    @Test
    void registerAnswers201WithTokenAndFreeTierUser() {
        String email = email();
        Answer answer = register(email, "correct-Horse-7", "Ada");

        assertThat(answer.status()).isEqualTo(201);
        AuthResponse auth = answer.as(AuthResponse.class);
        assertThat(auth.token()).startsWith("pxt_").hasSizeGreaterThan(40);
        assertThat(auth.user().email()).isEqualTo(email.toLowerCase());
        assertThat(auth.user().name()).isEqualTo("Ada");
        assertThat(auth.user().role()).isEqualTo(Role.USER);
        assertThat(auth.user().tier()).isEqualTo(Tier.FREE);
        assertThat(auth.user().credits()).isEqualTo(5);
        assertThat(answer.json().get("user").has("passwordHash")).isFalse();
    }

    @Test
    void duplicateEmailIs409EvenWithOtherCase() {
        String email = email();
        register(email, "correct-Horse-7", "A");
        Answer again = register(email.toUpperCase(), "other-Horse-8", "B");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("email_taken");
        assertThat(again.json().path("error").path("message").asText()).contains("already exists");
    }

    @ParameterizedTest
    @ValueSource(strings = {"short1!", "onlyletterslong", "1234567890123", "aaaaaaaaaa1"})
    void weakPasswordIs400(String password) {
        Answer answer = register(email(), password, "W");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("weak_password");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-email", "a@b", "two@@example.com", "spaces in@example.com", ""})
    void badEmailIs400(String email) {
        Answer answer = register(email, "correct-Horse-7", "E");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("invalid_email");
    }

    @Test
    void loginWithRightPasswordGivesAWorkingToken() {
        String email = email();
        register(email, "correct-Horse-7", "L");

        Answer login = login(email, "correct-Horse-7");
        assertThat(login.status()).isEqualTo(200);
        Answer me =
                SERVER.client().withToken(login.as(AuthResponse.class).token()).get(ApiPaths.ME);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.as(UserView.class).email()).isEqualTo(email.toLowerCase());
        assertThat(me.as(UserView.class).credits()).isEqualTo(5);
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSame401() {
        String email = email();
        register(email, "correct-Horse-7", "L");

        Answer wrongPassword = login(email, "wrong-Horse-7");
        Answer unknownEmail = login(email(), "correct-Horse-7");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(unknownEmail.body());
    }

    @Test
    void logoutRevokesTheToken() {
        ApiClient user = SERVER.client().registerNew();
        assertThat(user.get(ApiPaths.ME).status()).isEqualTo(200);

        assertThat(user.post(ApiPaths.LOGOUT, Map.of()).status()).isEqualTo(204);

        Answer after = user.get(ApiPaths.ME);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.errorCode()).isEqualTo("unauthorized");
    }

    @Test
    void meNeedsAValidBearerToken() {
        assertThat(SERVER.client().get(ApiPaths.ME).status()).isEqualTo(401);
        assertThat(SERVER.client()
                        .withToken("pxt_forged-token-value")
                        .get(ApiPaths.ME)
                        .status())
                .isEqualTo(401);
        assertThat(SERVER.client().withToken("garbage").get(ApiPaths.ME).errorCode())
                .isEqualTo("unauthorized");
    }

    @Test
    void meShowsTheContractFields() {
        Answer me = SERVER.client().registerNew().get(ApiPaths.ME);
        assertThat(me.json().fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "id",
                        "email",
                        "name",
                        "role",
                        "tier",
                        "credits",
                        "subscription",
                        "lowBalance",
                        "emailVerified",
                        "referralCode",
                        "referralLink",
                        "pendingEmail");
        assertThat(me.json().path("emailVerified").isBoolean()).isTrue();
        assertThat(me.json().path("emailVerified").asBoolean())
                .as("a new account")
                .isFalse();
    }

    @Test
    void configuredAdminExistsWithAdminRole() {
        ApiClient admin = SERVER.client().login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        assertThat(admin.get(ApiPaths.ME).as(UserView.class).role()).isEqualTo(Role.ADMIN);
        assertThat(admin.get(ApiPaths.ME).as(UserView.class).emailVerified())
                .as("the operator named the address")
                .isTrue();
    }
}
