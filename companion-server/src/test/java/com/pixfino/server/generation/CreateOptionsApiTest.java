package com.pixfino.server.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.GenerationStatus;
import com.pixfino.model.LedgerKind;
import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.PresetView;
import com.pixfino.model.api.library.LibraryChanges;
import com.pixfino.server.providers.ProviderPoll;
import com.pixfino.server.providers.ProviderRequest;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.StubProvider;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestImages;
import com.pixfino.server.testsupport.TestServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Create options on the real server (issue 14): formats checked against the preset's model before any charge, seeds
 * recorded and passed on, takes of one group charged and refunded one by one, the Idempotency-Key's 409 on any
 * changed field, and 400 sentences for every bad value.
 */
class CreateOptionsApiTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    /** The seed the provider below fails: one take of a group fails, the others complete. */
    private static final long FAILING_SEED = 13;

    private static TestServer server;
    private static Studio studio;
    private static SeedRecordingProvider replicate;
    private static SeedRecordingProvider fal;
    private static PresetView headshot;
    private static PresetView runwayReel;

    @BeforeAll
    static void start() {
        replicate = new SeedRecordingProvider("replicate");
        fal = new SeedRecordingProvider("fal");
        server = TestServer.withProviders(List.of(replicate, fal));
        studio = new Studio(server);
        headshot = studio.preset("linkedin-headshot");
        runwayReel = studio.preset("fashion-runway-reel");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void presetsListTheFormatsTheirModelMakesAndTheirVersion() {
        assertThat(headshot.aspectRatios()).containsExactly("1:1", "4:5", "3:4", "9:16", "16:9", "3:2");
        assertThat(headshot.defaultAspectRatio()).isEqualTo("4:5");
        assertThat(headshot.version()).isEqualTo(1);
        assertThat(runwayReel.aspectRatios()).containsExactly("16:9", "9:16", "1:1");
        assertThat(runwayReel.defaultAspectRatio()).isEqualTo("9:16");
        assertThat(studio.preset("red-carpet").defaultAspectRatio())
                .as("the look's 2:3 becomes the nearest offered portrait")
                .isEqualTo("3:4");
    }

    @Test
    void aFormatTheModelCannotMakeIsRefusedBeforeCharging() {
        ApiClient user = studio.userWithCredits(runwayReel.credits());
        Answer refused = create(user, body(runwayReel.id(), Studio.upload(user), "4:5", null, null), null);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("unsupported_aspect_ratio");
        assertThat(refused.json().path("error").path("message").asText())
                .isEqualTo("Fashion Runway Reel cannot make 4:5; it makes 16:9, 9:16 or 1:1.");
        assertThat(Studio.credits(user)).isEqualTo(runwayReel.credits());
        assertThat(user.get(ApiPaths.GENERATIONS).page(GenerationView.class).items())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "\"seed\": -1",
                "\"seed\": 2147483648",
                "\"seed\": 1.5",
                "\"seed\": \"abc\"",
                "\"seed\": 99999999999999999999999",
                "\"aspectRatio\": \"2:1\"",
                "\"aspectRatio\": 16",
                "\"aspectRatio\": \"\"",
                "\"groupId\": \"x\"",
                "\"groupId\": 12"
            })
    void aBadValueIsA400SentenceAndChargesNothing(String field) {
        ApiClient user = studio.userWithCredits(headshot.credits());
        String raw =
                "{\"presetId\": " + headshot.id() + ", \"uploadId\": \"" + Studio.upload(user) + "\", " + field + "}";

        Answer refused = user.postRaw(ApiPaths.GENERATIONS, raw);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        String message = refused.json().path("error").path("message").asText();
        String name = field.substring(1, field.indexOf('"', 1));
        assertThat(message).contains(name).endsWith(".");
        assertThat(message)
                .doesNotContainIgnoringCase("java")
                .doesNotContain("Long")
                .doesNotContain("Exception");
        if (name.equals("seed")) {
            assertThat(refused.errorCode()).isEqualTo("invalid_seed");
            assertThat(message).contains("from 0 to 2147483647");
        }
        if (name.equals("aspectRatio") && refused.errorCode().equals("invalid_aspect_ratio")) {
            assertThat(message).contains("1:1, 4:5, 3:4, 9:16, 16:9 or 3:2");
        }
        assertThat(Studio.credits(user)).isEqualTo(headshot.credits());
    }

    @Test
    void fourTakesOfOneGroupChargeFourTimesAndAFailedTakeRefundsOnlyItself() {
        ApiClient user = studio.userWithCredits(4 * headshot.credits());
        String upload = Studio.upload(user);
        UUID group = UUID.randomUUID();
        long[] seeds = {1, 2, FAILING_SEED, 2147483647L};
        List<String> ids = new java.util.ArrayList<>();
        for (long seed : seeds) {
            Answer accepted =
                    create(user, body(headshot.id(), upload, "9:16", seed, group), "take-" + group + "-" + seed);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            assertThat(accepted.json().path("creditsCharged").asInt()).isEqualTo(headshot.credits());
            ids.add(accepted.json().path("id").asText());
        }
        assertThat(ids).doesNotHaveDuplicates();
        // four takes, four debits (each take's ledger rows below); the failed one may already be refunded here
        assertThat(Studio.credits(user)).isIn(0, headshot.credits());

        for (int i = 0; i < seeds.length; i++) {
            GenerationView done = Studio.awaitFinal(user, ids.get(i), WAIT);
            assertThat(done.groupId()).isEqualTo(group);
            assertThat(done.seed()).isEqualTo(seeds[i]);
            assertThat(done.aspectRatio()).isEqualTo("9:16");
            assertThat(done.presetVersion()).isEqualTo(1);
            assertThat(done.provider()).isEqualTo("replicate");
            assertThat(done.model()).isNotBlank();
            assertThat(replicate.seen(done.id())).isEqualTo(new Seen("9:16", seeds[i]));
            if (seeds[i] == FAILING_SEED) {
                assertThat(done.status()).isEqualTo(GenerationStatus.FAILED);
                assertThat(done.refunded()).isTrue();
                assertThat(Studio.ledgerKinds(user, ids.get(i))).containsExactly(LedgerKind.DEBIT, LedgerKind.REFUND);
            } else {
                assertThat(done.status()).isEqualTo(GenerationStatus.COMPLETED);
                assertThat(done.refunded()).isFalse();
                assertThat(Studio.ledgerKinds(user, ids.get(i))).containsExactly(LedgerKind.DEBIT);
            }
        }
        assertThat(Studio.credits(user)).as("only the failed take came back").isEqualTo(headshot.credits());

        LibraryChanges feed = await().atMost(WAIT)
                .until(
                        () -> user.get(ApiPaths.LIBRARY_CHANGES).as(LibraryChanges.class),
                        changes -> changes.changes().size() == seeds.length);
        assertThat(feed.changes())
                .as("the change feed carries the create options too")
                .allSatisfy(g -> {
                    assertThat(g.groupId()).isEqualTo(group);
                    assertThat(g.aspectRatio()).isEqualTo("9:16");
                    assertThat(g.presetVersion()).isEqualTo(1);
                })
                .extracting(GenerationView::seed)
                .containsExactlyInAnyOrder(1L, 2L, FAILING_SEED, 2147483647L);
    }

    @Test
    void withoutFormatOrSeedTheDefaultFormatAndARandomSeedAreRecorded() {
        ApiClient user = studio.userWithCredits(2 * runwayReel.credits());
        String upload = Studio.upload(user);
        String first = create(user, body(runwayReel.id(), upload, null, null, null), null)
                .json()
                .path("id")
                .asText();
        String second = create(user, body(runwayReel.id(), upload, null, null, null), null)
                .json()
                .path("id")
                .asText();

        GenerationView one = Studio.generation(user, first);
        GenerationView two = Studio.generation(user, second);
        assertThat(one.aspectRatio()).isEqualTo("9:16");
        assertThat(one.seed()).isNotNull().isBetween(0L, 2147483647L);
        assertThat(two.seed()).isNotNull().isBetween(0L, 2147483647L);
        assertThat(one.groupId()).isNull();
        assertThat(one.styleId()).isNull();
        await().atMost(WAIT).until(() -> fal.seen(one.id()) != null);
        assertThat(fal.seen(one.id())).isEqualTo(new Seen("9:16", one.seed()));
    }

    @Test
    void aReusedKeyAnswersTheSameForTheSameRequestAnd409ForAnyChangedField() {
        ApiClient user = studio.userWithCredits(headshot.credits() * 4);
        String upload = Studio.upload(user);
        UUID group = UUID.randomUUID();
        String key = "options-" + UUID.randomUUID();
        Map<String, Object> original = body(headshot.id(), upload, "16:9", 42L, group);
        original.put("negativePrompt", "hats");
        Answer first = create(user, original, key);
        assertThat(first.status()).isEqualTo(202);

        Answer again = create(user, original, key);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().path("id").asText())
                .isEqualTo(first.json().path("id").asText());
        Map<String, Object> seedLeftOut = new HashMap<>(original);
        seedLeftOut.remove("seed");
        assertThat(create(user, seedLeftOut, key).status())
                .as("leaving out the seed the first request named is a change")
                .isEqualTo(409);
        String drawnKey = "options-" + UUID.randomUUID();
        Answer drawn = create(user, seedLeftOut, drawnKey);
        assertThat(drawn.status()).isEqualTo(202);
        assertThat(create(user, seedLeftOut, drawnKey).json().path("id").asText())
                .as("two requests that both leave the seed out are the same (the first drew one)")
                .isEqualTo(drawn.json().path("id").asText());
        Map<String, Object> seedNamed = new HashMap<>(seedLeftOut);
        seedNamed.put(
                "seed",
                Studio.generation(user, drawn.json().path("id").asText()).seed());
        assertThat(create(user, seedNamed, drawnKey).status())
                .as("naming a seed the first request left out is a change, even the one it drew")
                .isEqualTo(409);

        for (Map.Entry<String, Object> change : List.<Map.Entry<String, Object>>of(
                Map.entry("aspectRatio", (Object) "1:1"),
                Map.entry("seed", 43L),
                Map.entry("groupId", UUID.randomUUID().toString()),
                Map.entry("negativePrompt", "scarves"),
                Map.entry("prompt", "in a garden"))) {
            Map<String, Object> changed = new HashMap<>(original);
            changed.put(change.getKey(), change.getValue());
            Answer conflict = create(user, changed, key);
            assertThat(conflict.status()).as(change.getKey()).isEqualTo(409);
            assertThat(conflict.errorCode()).isEqualTo("idempotency_conflict");
        }
        Map<String, Object> groupDropped = new HashMap<>(original);
        groupDropped.remove("groupId");
        assertThat(create(user, groupDropped, key).status()).isEqualTo(409);
        assertThat(Studio.credits(user)).as("charged once per key").isEqualTo(headshot.credits() * 2);
    }

    @Test
    void aCreateFromAStyleUsesItsPromptAndFormatChargesItsBasePresetAndRecordsIt() {
        ApiClient user = studio.userWithCredits(headshot.credits());
        Map<String, Object> styleBody = new HashMap<>();
        styleBody.put("name", "Office light " + UUID.randomUUID());
        styleBody.put("basePresetId", headshot.id());
        styleBody.put("prompt", "in a bright glass office");
        styleBody.put("negativePrompt", "ties");
        styleBody.put("aspectRatio", "9:16");
        Answer saved = user.post(ApiPaths.STYLES, styleBody);
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        String styleId = saved.json().path("id").asText();
        String upload = Studio.upload(user);

        ApiClient stranger = studio.userWithCredits(headshot.credits());
        Map<String, Object> theirs = new HashMap<>();
        theirs.put("uploadId", Studio.upload(stranger));
        theirs.put("styleId", styleId);
        Answer notTheirs = create(stranger, theirs, null);
        assertThat(notTheirs.status()).isEqualTo(404);
        assertThat(Studio.credits(stranger)).isEqualTo(headshot.credits());

        Map<String, Object> fromStyle = new HashMap<>();
        fromStyle.put("uploadId", upload);
        fromStyle.put("styleId", styleId);
        fromStyle.put("seed", 31);
        Answer accepted = create(user, fromStyle, null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().path("creditsCharged").asInt()).isEqualTo(headshot.credits());

        GenerationView made = Studio.generation(user, accepted.json().path("id").asText());
        assertThat(made.presetId()).isEqualTo(headshot.id());
        assertThat(made.styleId().toString()).isEqualTo(styleId);
        assertThat(made.prompt()).isEqualTo("in a bright glass office");
        assertThat(made.aspectRatio()).isEqualTo("9:16");
        assertThat(made.seed()).isEqualTo(31L);
        await().atMost(WAIT).until(() -> replicate.seen(made.id()) != null);
        assertThat(replicate.seen(made.id())).isEqualTo(new Seen("9:16", 31L));
    }

    @Test
    void theApiDocumentStatesTheAllowedValues() {
        var schemas =
                server.client().get("/openapi.json").json().path("components").path("schemas");
        var request = schemas.path("CreateGenerationRequest").path("properties");
        assertThat(request.path("aspectRatio").path("enum").toString())
                .isEqualTo("[\"1:1\",\"4:5\",\"3:4\",\"9:16\",\"16:9\",\"3:2\"]");
        assertThat(request.path("seed").path("minimum").asLong()).isZero();
        assertThat(request.path("seed").path("maximum").asLong()).isEqualTo(2147483647L);
        assertThat(request.path("groupId").path("format").asText()).isEqualTo("uuid");
        var view = schemas.path("GenerationView").path("properties");
        assertThat(view.path("seed").path("description").asText()).isNotBlank();
        assertThat(view.has("presetVersion")).isTrue();
        assertThat(schemas.path("PresetView")
                        .path("properties")
                        .path("aspectRatios")
                        .path("items")
                        .path("enum"))
                .hasSize(6);
    }

    private static Map<String, Object> body(long presetId, String upload, String format, Long seed, UUID group) {
        Map<String, Object> body = new HashMap<>();
        body.put("presetId", presetId);
        body.put("uploadId", upload);
        if (format != null) {
            body.put("aspectRatio", format);
        }
        if (seed != null) {
            body.put("seed", seed);
        }
        if (group != null) {
            body.put("groupId", group.toString());
        }
        return body;
    }

    private static Answer create(ApiClient user, Map<String, Object> body, String key) {
        return key == null
                ? user.post(ApiPaths.GENERATIONS, body)
                : user.postWithHeader(ApiPaths.GENERATIONS, body, ApiPaths.IDEMPOTENCY_KEY_HEADER, key);
    }

    /** The format and seed a provider was given for one generation. */
    record Seen(String aspectRatio, Long seed) {}

    /** Completes every job with a small JPEG, except one with {@link #FAILING_SEED}; remembers what each was given. */
    static final class SeedRecordingProvider extends StubProvider {

        private final Map<UUID, Seen> seen = new ConcurrentHashMap<>();

        SeedRecordingProvider(String name) {
            super(name);
        }

        Seen seen(UUID generationId) {
            return seen.get(generationId);
        }

        @Override
        public String submit(ProviderRequest request) {
            seen.put(
                    request.generationId(),
                    new Seen(
                            request.aspectRatio() == null
                                    ? null
                                    : request.aspectRatio().label(),
                            request.seed()));
            return "job-" + request.generationId();
        }

        @Override
        public ProviderPoll poll(String jobId, ProviderRequest request) {
            if (request.seed() != null && request.seed() == FAILING_SEED) {
                return new ProviderPoll.Failed("nsfw_detected", "The provider's safety filter rejected the result.");
            }
            byte[] jpeg = TestImages.encode(TestImages.picture(640, 800), "jpg");
            return new ProviderPoll.Succeeded(List.of(ProviderPoll.Output.of("image/jpeg", jpeg)), BigDecimal.ZERO);
        }
    }
}
