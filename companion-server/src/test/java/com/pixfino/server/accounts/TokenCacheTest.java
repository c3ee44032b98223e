package com.pixfino.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.api.LoginRequest;
import com.pixfino.model.api.RegisterRequest;
import com.pixfino.server.testsupport.MovableClock;
import com.pixfino.server.testsupport.TestServices;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Resolved tokens are remembered briefly: a sign-out here counts at once, one on another server within the TTL. */
class TokenCacheTest {

    private static final String PASSWORD = "correct-Horse-7";

    @AutoClose
    private static final TestServices graph = TestServices.fresh(queue -> TestServices.idleQueue());

    @Test
    void aLogoutOnThisServerEndsTheRememberedSessionAtOnce() {
        TokenService tokens = graph.services().tokens();
        String token = newToken();
        Session session = tokens.resolve(token).orElseThrow();
        assertThat(tokens.resolve(token)).contains(session);

        graph.services().accounts().logout(session.tokenHash());

        assertThat(tokens.resolve(token)).isEmpty();
    }

    @Test
    void aTokenRevokedOnAnotherServerLivesHereAtMostTheTtl() {
        MovableClock here = new MovableClock(Instant.now());
        TokenService thisServer = new TokenService(graph.database().dsl(), here, Duration.ofDays(30));
        TokenService otherServer = new TokenService(graph.database().dsl(), Clock.systemUTC(), Duration.ofDays(30));
        String token = newToken();
        Session session = thisServer.resolve(token).orElseThrow();

        otherServer.revoke(session.tokenHash());

        here.advance(TokenService.CACHE_TTL.minusMillis(1));
        assertThat(thisServer.resolve(token)).as("remembered within the TTL").contains(session);
        here.advance(Duration.ofMillis(2));
        assertThat(thisServer.resolve(token)).as("asked again after the TTL").isEmpty();
    }

    @Test
    void deletingTheUsersTokensForgetsTheirRememberedSessions() {
        TokenService tokens = graph.services().tokens();
        String first = newToken();
        UUID userId = tokens.resolve(first).orElseThrow().userId();
        String second = graph.services()
                .accounts()
                .login(new LoginRequest(emailOf(userId), PASSWORD), "127.0.0.1")
                .token();
        assertThat(tokens.resolve(second)).isPresent();

        graph.database().dsl().transaction(cfg -> tokens.deleteAllOf(DSL.using(cfg), userId));

        assertThat(tokens.resolve(first)).isEmpty();
        assertThat(tokens.resolve(second)).isEmpty();
    }

    private static String newToken() {
        String email = "token-cache-" + UUID.randomUUID() + "@pixfino.test";
        return graph.services()
                .accounts()
                .register(new RegisterRequest(email, PASSWORD, "Token Cache"), "127.0.0.1")
                .token();
    }

    private static String emailOf(UUID userId) {
        return graph.services().accounts().me(userId).email();
    }
}
