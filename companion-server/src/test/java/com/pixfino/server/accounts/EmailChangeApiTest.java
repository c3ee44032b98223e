package com.pixfino.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.UserView;
import com.pixfino.server.limits.RateLimitSettings;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.MailServer;
import com.pixfino.server.testsupport.RawHttp;
import com.pixfino.server.testsupport.ReceivedMail;
import com.pixfino.server.testsupport.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Changing the email address against a real server sending through an in-process SMTP server: the link goes to the
 * new address, opening it moves the account (and tells the old address), sign-in follows the address, and the
 * refusals (wrong password, bad, same or taken address, taken in between, replaced link) each say what happened.
 */
class EmailChangeApiTest {

    private static final String PASSWORD = "correct-Horse-7";

    private static MailServer mail;
    private static TestServer server;

    @BeforeAll
    static void start() {
        mail = MailServer.onFreePort().start();
        server = TestServer.start(TestServer.freshConfig("email-change")
                .withMail(mail.settings())
                .withLimits(RateLimitSettings.unlimited()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        mail.close();
    }

    @Test
    void theLinkMailedToTheNewAddressMovesTheAccountThereAndTellsTheOldOne() {
        String old = newEmail();
        ApiClient user = register(old);
        assertThat(me(user).pendingEmail()).isNull();
        assertThat(user.get(ApiPaths.ME).json().has("pendingEmail")).isTrue();
        String next = newEmail();

        Answer asked = change(user, PASSWORD, next.toUpperCase());
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        assertThat(asked.json().get("pendingEmail").asText()).isEqualTo(next);
        assertThat(me(user).pendingEmail()).isEqualTo(next);
        assertThat(me(user).email()).as("not before the link is opened").isEqualTo(old);

        ReceivedMail link = mail.await(next, 1).get(0);
        assertThat(link.subject()).isEqualTo("Confirm your new email address for Pixfino");
        assertThat(link.text()).contains("48 hours").contains("Test User");
        String url = link.link(ApiPaths.VERIFY_EMAIL_PAGE);
        assertThat(link.html()).contains("href=\"" + url + "\"");
        Answer opened = server.client().get(server.pathOf(url));
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.contentType()).startsWith("text/html");
        assertThat(opened.body()).contains("Email address changed").contains(next);

        UserView moved = me(user);
        assertThat(moved.email()).isEqualTo(next);
        assertThat(moved.emailVerified()).isTrue();
        assertThat(moved.pendingEmail()).isNull();
        ReceivedMail notice = mail.await(old, 2).get(1);
        assertThat(notice.subject()).isEqualTo("Your Pixfino email address was changed");
        assertThat(notice.text()).contains(next).contains("contact Pixfino support");
        assertThat(notice.html()).contains(next);

        assertThat(server.client().login(next, PASSWORD).token()).isNotNull();
        assertThat(server.client()
                        .post(ApiPaths.LOGIN, Map.of("email", old, "password", PASSWORD))
                        .status())
                .isEqualTo(401);
        Answer again = server.client().get(server.pathOf(url));
        assertThat(again.status()).as("single use").isEqualTo(400);
        assertThat(again.body()).contains("This link does not work");
    }

    @Test
    void aNewerRequestReplacesThePendingOne() {
        ApiClient user = register(newEmail());
        String first = newEmail();
        String second = newEmail();
        assertThat(change(user, PASSWORD, first).status()).isEqualTo(202);
        assertThat(change(user, PASSWORD, second).status()).isEqualTo(202);
        assertThat(me(user).pendingEmail()).isEqualTo(second);

        Answer replaced =
                server.client().get(server.pathOf(mail.await(first, 1).get(0).link(ApiPaths.VERIFY_EMAIL_PAGE)));
        assertThat(replaced.status()).isEqualTo(400);
        assertThat(replaced.body()).contains("replaced by a newer one");
        assertThat(me(user).email()).isNotEqualTo(first);

        Answer applied =
                server.client().get(server.pathOf(mail.await(second, 1).get(0).link(ApiPaths.VERIFY_EMAIL_PAGE)));
        assertThat(applied.status()).isEqualTo(200);
        assertThat(me(user).email()).isEqualTo(second);
    }

    @Test
    void anAddressTakenBeforeTheLinkIsOpenedLeavesTheAccountAsItWasWithA409Page() {
        String old = newEmail();
        ApiClient user = register(old);
        String wanted = newEmail();
        assertThat(change(user, PASSWORD, wanted).status()).isEqualTo(202);
        String url = mail.await(wanted, 1).get(0).link(ApiPaths.VERIFY_EMAIL_PAGE);
        register(wanted);

        Answer taken = server.client().get(server.pathOf(url));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.contentType()).startsWith("text/html");
        assertThat(taken.body()).contains("This address is taken").contains("<h1>");
        assertThat(me(user).email()).isEqualTo(old);
        assertThat(server.client().login(old, PASSWORD).token()).isNotNull();
    }

    @Test
    void refusalsSayWhatIsWrongAndChangeNothing() {
        String own = newEmail();
        ApiClient user = register(own);
        String other = newEmail();
        register(other);

        Answer wrong = change(user, "not-the-Password-9", newEmail());
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.errorCode()).isEqualTo("wrong_password");
        Answer missing = change(user, "", newEmail());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("missing_password");
        for (String bad : List.of("nobody", "two@@example.com", "tab\there@example.com", "")) {
            Answer answer = change(user, PASSWORD, bad);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.errorCode()).as(bad).isEqualTo("invalid_email");
            assertThat(answer.json().at("/error/message").asText()).as(bad).contains("newEmail");
        }
        Answer same = change(user, PASSWORD, " " + own.toUpperCase() + " ");
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.errorCode()).isEqualTo("same_email");
        Answer taken = change(user, PASSWORD, other);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.errorCode()).isEqualTo("email_taken");
        for (String body : List.of(
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newEmail\":\"a\\u0000b@example.com\"}",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newEmail\":5}",
                "{\"currentPassword\":true,\"newEmail\":\"x@example.com\"}",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newEmail\":\"x@example.com\",\"extra\":1}")) {
            Answer answer = user.postRaw(ApiPaths.EMAIL, body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.json().at("/error/message").asText())
                    .as(body)
                    .containsAnyOf("newEmail", "currentPassword", "extra")
                    .doesNotContain("java.");
        }
        assertThat(server.client()
                        .post(ApiPaths.EMAIL, Map.of("currentPassword", PASSWORD, "newEmail", newEmail()))
                        .status())
                .isEqualTo(401);
        UserView after = me(user);
        assertThat(after.email()).isEqualTo(own);
        assertThat(after.pendingEmail()).isNull();
    }

    @Test
    void theResetFormAnswersABodyThatBreaksOffWithA400NotA500() {
        String host = server.baseUrl().substring("http://".length());
        RawHttp raw = new RawHttp(server.baseUrl());
        for (String broken : List.of(
                "Transfer-Encoding: chunked\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\nzz\r\nab\r\n0\r\n\r\n",
                "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\ntoken=abc")) {
            RawHttp.Answer answer = raw.exchange(("POST " + ApiPaths.RESET_PASSWORD_PAGE + " HTTP/1.1\r\nHost: " + host
                            + "\r\nConnection: close\r\n" + broken)
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertThat(answer.status()).as(broken).isEqualTo(400);
            assertThat(answer.json().at("/error/code").asText()).isEqualTo("unreadable_body");
        }
    }

    private static Answer change(ApiClient user, String password, String newEmail) {
        return user.post(ApiPaths.EMAIL, Map.of("currentPassword", password, "newEmail", newEmail));
    }

    private static ApiClient register(String email) {
        return server.client().register(email, PASSWORD);
    }

    private static UserView me(ApiClient user) {
        return user.get(ApiPaths.ME).as(UserView.class);
    }

    private static String newEmail() {
        return "move-" + UUID.randomUUID() + "@example.com";
    }
}
