package com.pixfino.server.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.MediaKind;
import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.admin.ModerationFlagView;
import com.pixfino.server.domain.PageRequest;
import com.pixfino.server.providers.Capabilities;
import com.pixfino.server.providers.ProviderPoll;
import com.pixfino.server.providers.ProviderRequest;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ScriptedProvider;
import com.pixfino.server.testsupport.StubProvider;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestImages;
import com.pixfino.server.testsupport.TestServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A provider's safety refusal ends the job (failed, refunded, flagged) instead of trying the next provider, which a
 * plain refusal does.
 */
class SafetyRefusalTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger BACKUP_SUBMITS = new AtomicInteger();

    private static TestServer server;
    private static Studio studio;
    private static long headshot;

    /** A second image provider the registry can fail over to; it always succeeds. */
    private static final class Backup extends StubProvider {
        Backup() {
            super("openrouter", Capabilities.everyKindFromPhoto(), Map.of(MediaKind.IMAGE, "backup-model"));
        }

        @Override
        public String submit(ProviderRequest request) {
            BACKUP_SUBMITS.incrementAndGet();
            return "backup-" + request.generationId();
        }

        @Override
        public ProviderPoll poll(String jobId, ProviderRequest request) {
            return new ProviderPoll.Succeeded(
                    List.of(ProviderPoll.Output.of("image/jpeg", TestImages.encode(TestImages.picture(64, 80), "jpg"))),
                    BigDecimal.ZERO);
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.withProviders(List.of(new ScriptedProvider("replicate"), new Backup()));
        studio = new Studio(server);
        headshot = studio.presetId("linkedin-headshot");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPlainRefusalMovesToTheNextProvider() {
        ApiClient user = studio.userWithCredits(4);
        int before = BACKUP_SUBMITS.get();

        GenerationView done =
                Studio.awaitFinal(user, Studio.generate(user, headshot, "refuse-" + UUID.randomUUID()), WAIT);

        assertThat(done.status()).isEqualTo(GenerationStatus.COMPLETED);
        assertThat(done.provider()).isEqualTo("openrouter");
        assertThat(BACKUP_SUBMITS.get()).isEqualTo(before + 1);
    }

    @Test
    void aSafetyRefusalFailsRefundsAndFlagsWithoutTryingAnotherProvider() {
        ApiClient user = studio.userWithCredits(4);
        int before = BACKUP_SUBMITS.get();
        String id = Studio.generate(user, headshot, "unsafe-" + UUID.randomUUID());

        GenerationView done = Studio.awaitFinal(user, id, WAIT);

        Studio.assertFailedAndRefunded(user, done, "moderation", 4);
        assertThat(BACKUP_SUBMITS.get()).as("not shopped to another provider").isEqualTo(before);
        ModerationFlags flags = server.services().moderationFlags();
        ModerationFlagView flag = await().atMost(WAIT)
                .until(
                        () -> flags.list("open", PageRequest.first(100)).items().stream()
                                .filter(f -> UUID.fromString(id).equals(f.generationId()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertThat(flag.source()).isEqualTo("provider");
        assertThat(flag.userId()).isEqualTo(Studio.userId(user));
        assertThat(flag.reason()).isEqualTo(done.error().message()).contains("content checker");
    }
}
