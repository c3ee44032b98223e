package com.pixfino.server.moderation;

import static com.pixfino.server.db.jooq.Tables.ADMIN_AUDIT;
import static com.pixfino.server.db.jooq.Tables.CREDIT_LEDGER;
import static com.pixfino.server.db.jooq.Tables.GENERATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.Page;
import com.pixfino.model.api.admin.AdminStats;
import com.pixfino.model.api.admin.ModerationFlagView;
import com.pixfino.model.api.admin.ModerationWords;
import com.pixfino.server.db.jooq.tables.records.AdminAuditRecord;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.MovableClock;
import com.pixfino.server.testsupport.ScriptedProvider;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The banned-word list, the prompt screen at create, users' reports and the admin's flag queue, over HTTP. */
class ModerationApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static TestServer server;
    private static Studio studio;
    private static ApiClient admin;
    private static UUID adminId;
    private static DSLContext sql;
    private static long headshot;

    @BeforeAll
    static void start() {
        server = TestServer.withProviders(List.of(new ScriptedProvider("replicate")));
        studio = new Studio(server);
        admin = server.client().login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        adminId = Studio.userId(admin);
        sql = server.app().database().dsl();
        headshot = studio.presetId("linkedin-headshot");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Answer create(ApiClient user, String prompt, String negativePrompt) {
        Map<String, Object> body = new HashMap<>();
        body.put("presetId", headshot);
        body.put("uploadId", Studio.upload(user));
        body.put("prompt", prompt);
        if (negativePrompt != null) {
            body.put("negativePrompt", negativePrompt);
        }
        return user.post(ApiPaths.GENERATIONS, body);
    }

    private static Answer putWords(List<String> words) {
        return admin.method("PUT", ApiPaths.ADMIN_MODERATION_WORDS, ApiClient.json(Map.of("words", words)));
    }

    private static List<String> words() {
        Answer answer = admin.get(ApiPaths.ADMIN_MODERATION_WORDS);
        assertThat(answer.status()).isEqualTo(200);
        return answer.as(ModerationWords.class).words();
    }

    private static Page<ModerationFlagView> flags(String query) {
        Answer answer = admin.get(ApiPaths.ADMIN_MODERATION_FLAGS + query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.page(ModerationFlagView.class);
    }

    private static List<ModerationFlagView> flagsOf(UUID userId) {
        return flags("?limit=100").items().stream()
                .filter(f -> userId.equals(f.userId()))
                .toList();
    }

    private static Answer report(ApiClient caller, Object generationId, Object body) {
        return caller.post(ApiClient.path(ApiPaths.GENERATION_REPORT, generationId), body);
    }

    private static Answer resolve(Object flagId, Map<String, Object> body) {
        return admin.post(ApiClient.path(ApiPaths.ADMIN_MODERATION_FLAG_RESOLVE, flagId), body);
    }

    private static List<AdminAuditRecord> audit(String action, String targetId) {
        return sql.selectFrom(ADMIN_AUDIT)
                .where(ADMIN_AUDIT.ACTION.eq(action))
                .and(ADMIN_AUDIT.TARGET_ID.eq(targetId))
                .orderBy(ADMIN_AUDIT.ID)
                .fetch();
    }

    /** A completed generation of a new user's, and that user. */
    private static Made completed(String prompt) {
        ApiClient user = studio.userWithCredits(20);
        String id = Studio.generate(user, headshot, prompt);
        assertThat(Studio.awaitFinal(user, id, WAIT).status()).isEqualTo(GenerationStatus.COMPLETED);
        return new Made(user, Studio.userId(user), UUID.fromString(id));
    }

    private record Made(ApiClient user, UUID userId, UUID generationId) {}

    @Test
    void theSeededListIsSensibleAndEveryCuratedPromptPassesIt() {
        List<String> seeded = words();
        assertThat(seeded).hasSizeGreaterThan(50).contains("nsfw", "nude", "porn", "self harm");
        BannedWords banned = BannedWords.of(seeded);
        // the prompt library offers these to every user: none may be refused
        List<String> curated = sql.fetch("select text from prompt_examples").getValues(0, String.class);
        assertThat(curated).isNotEmpty();
        assertThat(curated)
                .allSatisfy(text -> assertThat(banned.matches(text)).as(text).isEmpty());
    }

    @Test
    void aBannedPromptIsRefusedUnchargedCreatesNothingAndIsFlagged() {
        ApiClient user = studio.userWithCredits(20);
        UUID userId = Studio.userId(user);
        AdminStats before = admin.get(ApiPaths.ADMIN_STATS).as(AdminStats.class);
        int ledgerRows = sql.fetchCount(CREDIT_LEDGER, CREDIT_LEDGER.USER_ID.eq(userId));

        Answer refused = create(user, "studio portrait, n.u.d.e, soft light", null);
        Answer refusedNegative = create(user, "studio portrait", "clothes, P0RN");

        for (Answer answer : List.of(refused, refusedNegative)) {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.errorCode()).isEqualTo("prompt_rejected");
            String message = answer.json().at("/error/message").asText();
            assertThat(message).endsWith(".").contains("Nothing was charged");
            assertThat(message.toLowerCase()).doesNotContain("nude").doesNotContain("porn");
        }
        assertThat(Studio.credits(user)).isEqualTo(20);
        assertThat(sql.fetchCount(CREDIT_LEDGER, CREDIT_LEDGER.USER_ID.eq(userId)))
                .as("no ledger row")
                .isEqualTo(ledgerRows);
        assertThat(sql.fetchCount(GENERATIONS, GENERATIONS.USER_ID.eq(userId)))
                .as("no generation row")
                .isZero();
        AdminStats after = admin.get(ApiPaths.ADMIN_STATS).as(AdminStats.class);
        assertThat(after.generations().total()).isEqualTo(before.generations().total());
        assertThat(after.credits().debited()).isEqualTo(before.credits().debited());

        List<ModerationFlagView> flagged = flagsOf(userId);
        assertThat(flagged).hasSize(2);
        ModerationFlagView negative = flagged.get(0);
        ModerationFlagView prompt = flagged.get(1);
        assertThat(prompt.source()).isEqualTo("prompt");
        assertThat(prompt.status()).isEqualTo("open");
        assertThat(prompt.userEmail()).isNotBlank();
        assertThat(prompt.generationId()).isNull();
        assertThat(prompt.prompt()).isEqualTo("studio portrait, n.u.d.e, soft light");
        assertThat(prompt.matched()).containsExactly("nude");
        assertThat(prompt.createdAt()).isNotNull();
        assertThat(prompt.resolvedAt()).isNull();
        assertThat(negative.matched()).containsExactly("porn");
        assertThat(negative.prompt()).contains("clothes, P0RN");
        assertThat(negative.reason()).contains("negative prompt");

        Answer clean = create(user, "a classy portrait in Scunthorpe", null);
        assertThat(clean.status()).as(clean.body()).isEqualTo(202);
    }

    @Test
    void theWordListIsReplacedWholeTakesEffectAtOnceAndIsAudited() {
        List<String> seeded = words();
        ApiClient user = studio.userWithCredits(20);
        assertThat(create(user, "a zebra in the office", null).status()).isEqualTo(202);

        List<String> changed = new ArrayList<>(seeded);
        changed.add("  Zebra ");
        Answer put = putWords(changed);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.as(ModerationWords.class).words()).last().isEqualTo("Zebra");
        assertThat(words()).hasSize(seeded.size() + 1).endsWith("Zebra");

        Answer refused = create(user, "a z3bra in the office", null);
        assertThat(refused.errorCode()).isEqualTo("prompt_rejected");

        List<AdminAuditRecord> rows = audit("moderation_words_changed", "banned-words");
        assertThat(rows).isNotEmpty();
        AdminAuditRecord row = rows.get(rows.size() - 1);
        assertThat(row.getAdminId()).isEqualTo(adminId);
        assertThat(row.getBeforeValue()).doesNotContain("Zebra");
        assertThat(row.getAfterValue()).contains("\"Zebra\"");

        assertThat(putWords(seeded).status()).isEqualTo(200);
        assertThat(words()).isEqualTo(seeded);
        assertThat(create(user, "a zebra in the office", null).status()).isEqualTo(202);
    }

    @Test
    void anotherServerSharingTheDatabaseFollowsAChangeWithinSeconds() {
        MovableClock clock = new MovableClock(Instant.now());
        ModerationWordList other = new ModerationWordList(sql, server.services().auditTrail(), clock);
        List<String> seeded = words();
        assertThat(other.banned().matches("a quokka")).isEmpty();

        List<String> changed = new ArrayList<>(seeded);
        changed.add("quokka");
        assertThat(putWords(changed).status()).isEqualTo(200);
        try {
            assertThat(other.banned().matches("a quokka"))
                    .as("its copy is a few seconds old")
                    .isEmpty();
            clock.advance(ModerationWordList.RELOAD_AFTER);
            assertThat(other.banned().matches("a quokka")).containsExactly("quokka");
        } finally {
            assertThat(putWords(seeded).status()).isEqualTo(200);
        }
    }

    @Test
    void aBadWordListIsA400NamingTheProblemAndChangesNothing() {
        List<String> seeded = words();
        Map<String, String> bad = new HashMap<>();
        bad.put("{\"words\":[\"ok\",\"OK\"]}", "words[1]");
        bad.put("{\"words\":[\"ok\",\"   \"]}", "words[1]");
        bad.put("{\"words\":[\"" + "x".repeat(65) + "\"]}", "64");
        bad.put("{\"words\":[\"!!!\"]}", "letter or a digit");
        bad.put("{\"words\":[\"ok\",null]}", "words[1]");
        bad.put("{\"words\":[\"ok\",5]}", "words");
        bad.put("{\"words\":\"nude\"}", "words");
        bad.put("{}", "words");
        bad.put("{\"words\":[],\"extra\":1}", "extra");
        bad.put(ApiClient.json(Map.of("words", Collections.nCopies(2001, "w"))), "2000");
        bad.forEach((body, named) -> {
            Answer answer = admin.method("PUT", ApiPaths.ADMIN_MODERATION_WORDS, body);
            assertThat(answer.status())
                    .as(body.length() > 80 ? "2001 words" : body)
                    .isEqualTo(400);
            assertThat(answer.json().at("/error/message").asText())
                    .as(body.length() > 80 ? "2001 words" : body)
                    .contains(named)
                    .endsWith(".");
        });
        assertThat(words()).isEqualTo(seeded);
    }

    @Test
    void theOwnerReportsAResultOnceAndOthersCannot() {
        Made made = completed("office portrait");
        ApiClient stranger = studio.userWithCredits(5);

        Answer reported = report(made.user(), made.generationId(), Map.of("reason", "  The face is not mine  "));
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        ModerationFlagView flag = reported.as(ModerationFlagView.class);
        assertThat(flag.source()).isEqualTo("report");
        assertThat(flag.status()).isEqualTo("open");
        assertThat(flag.generationId()).isEqualTo(made.generationId());
        assertThat(flag.userId()).isEqualTo(made.userId());
        assertThat(flag.reason()).isEqualTo("The face is not mine");
        assertThat(flag.prompt()).isEqualTo("office portrait");
        assertThat(flag.matched()).isEmpty();

        Answer again = report(made.user(), made.generationId(), Map.of("reason", "Still not mine"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("already_reported");
        assertThat(report(stranger, made.generationId(), Map.of("reason", "x")).status())
                .as("another user's generation")
                .isEqualTo(404);
        assertThat(report(made.user(), UUID.randomUUID(), Map.of("reason", "x")).status())
                .isEqualTo(404);
        assertThat(report(made.user(), "not-an-id", Map.of("reason", "x")).status())
                .isEqualTo(404);
        assertThat(report(made.user(), made.generationId(), Map.of("reason", " "))
                        .errorCode())
                .isEqualTo("invalid_reason");
        assertThat(report(made.user(), made.generationId(), Map.of("reason", "x".repeat(501)))
                        .errorCode())
                .isEqualTo("invalid_reason");
        assertThat(server.client()
                        .post(ApiClient.path(ApiPaths.GENERATION_REPORT, made.generationId()), Map.of())
                        .status())
                .isEqualTo(401);
        assertThat(flagsOf(made.userId())).hasSize(1);
    }

    @Test
    void aResultMadeWithoutAPromptCanBeReportedToo() {
        Made made = completed(null);

        Answer reported = report(made.user(), made.generationId(), Map.of("reason", "Not what the style shows"));

        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        ModerationFlagView flag = reported.as(ModerationFlagView.class);
        assertThat(flag.generationId()).isEqualTo(made.generationId());
        assertThat(flag.prompt()).isNull();
    }

    @Test
    void anApiKeyWithTheGenerateScopeMayReport() {
        Made made = completed("park portrait");
        Answer key = made.user().post(ApiPaths.API_KEYS, Map.of("name", "cli", "scopes", List.of("read", "generate")));
        ApiClient cli = server.client().withToken(key.json().get("key").asText());

        Answer reported = report(cli, made.generationId(), Map.of("reason", "Looks wrong"));

        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
    }

    @Test
    void flagsPageNewestFirstBySignedCursorFilteredByStatus() {
        ApiClient user = studio.userWithCredits(5);
        for (int i = 0; i < 5; i++) {
            assertThat(create(user, "nude " + i, null).errorCode()).isEqualTo("prompt_rejected");
        }
        List<ModerationFlagView> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<ModerationFlagView> page = flags("?status=open&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(all).extracting(ModerationFlagView::id).isSortedAccordingTo(Collections.reverseOrder());
        assertThat(all).extracting(ModerationFlagView::id).doesNotHaveDuplicates();
        assertThat(all).allSatisfy(f -> assertThat(f.status()).isEqualTo("open"));
        List<String> mine = all.stream()
                .filter(f -> f.userId().equals(Studio.userId(user)))
                .map(ModerationFlagView::prompt)
                .toList();
        assertThat(mine).containsExactly("nude 4", "nude 3", "nude 2", "nude 1", "nude 0");

        String next = flags("?status=open&limit=1").nextCursor();
        assertThat(admin.get(ApiPaths.ADMIN_MODERATION_FLAGS + "?status=resolved&limit=1&cursor=" + next)
                        .errorCode())
                .as("a cursor works only with the status it was made for")
                .isEqualTo("invalid_cursor");
        assertThat(admin.get(ApiPaths.ADMIN_MODERATION_FLAGS + "?status=open&limit=1&cursor=" + next + "0")
                        .errorCode())
                .isEqualTo("invalid_cursor");
        assertThat(admin.get(ApiPaths.ADMIN_MODERATION_FLAGS + "?status=closed").errorCode())
                .isEqualTo("invalid_status");
        assertThat(admin.get(ApiPaths.ADMIN_MODERATION_FLAGS + "?limit=0").status())
                .isEqualTo(400);
        assertThat(admin.get(ApiPaths.ADMIN_MODERATION_FLAGS + "?limit=101").status())
                .isEqualTo(400);
        assertThat(flags("?limit=100").items()).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void dismissingResolvesOnceAndIsAudited() {
        ApiClient user = studio.userWithCredits(5);
        create(user, "topless", null);
        ModerationFlagView flag = flagsOf(Studio.userId(user)).get(0);

        Answer resolved = resolve(flag.id(), Map.of("action", "dismiss", "note", "Swimwear catalogue"));

        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        ModerationFlagView view = resolved.as(ModerationFlagView.class);
        assertThat(view.status()).isEqualTo("resolved");
        assertThat(view.action()).isEqualTo("dismiss");
        assertThat(view.note()).isEqualTo("Swimwear catalogue");
        assertThat(view.resolvedBy()).isEqualTo(adminId);
        assertThat(view.resolvedAt()).isAfterOrEqualTo(view.createdAt());
        assertThat(flags("?status=resolved&limit=100").items())
                .extracting(ModerationFlagView::id)
                .contains(flag.id());
        assertThat(flags("?status=open&limit=100").items())
                .extracting(ModerationFlagView::id)
                .doesNotContain(flag.id());
        assertThat(audit("moderation_flag_resolved", Long.toString(flag.id())))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.getAdminId()).isEqualTo(adminId);
                    assertThat(row.getTargetType()).isEqualTo("moderation_flag");
                    assertThat(row.getBeforeValue()).contains("open");
                    assertThat(row.getAfterValue()).contains("resolved").contains("dismiss");
                    assertThat(row.getReason()).isEqualTo("Swimwear catalogue");
                });

        Answer again = resolve(flag.id(), Map.of("action", "dismiss"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("already_resolved");
        assertThat(resolve(987654321L, Map.of("action", "dismiss")).status()).isEqualTo(404);
        assertThat(resolve("nope", Map.of("action", "dismiss")).status()).isEqualTo(404);
    }

    @Test
    void aResolutionMustNameAKnownActionThatAppliesToTheFlag() {
        ApiClient user = studio.userWithCredits(5);
        create(user, "naked", null);
        ModerationFlagView flag = flagsOf(Studio.userId(user)).get(0);

        assertThat(resolve(flag.id(), Map.of("action", "ban")).errorCode()).isEqualTo("invalid_action");
        assertThat(resolve(flag.id(), Map.of()).errorCode()).isEqualTo("invalid_action");
        assertThat(resolve(flag.id(), Map.of("action", "dismiss", "note", "n".repeat(501)))
                        .errorCode())
                .isEqualTo("invalid_note");
        Answer noGeneration = resolve(flag.id(), Map.of("action", "delete_generation"));
        assertThat(noGeneration.status()).isEqualTo(409);
        assertThat(noGeneration.errorCode()).isEqualTo("no_generation");
        assertThat(flags("?status=open&limit=100").items())
                .extracting(ModerationFlagView::id)
                .as("still open")
                .contains(flag.id());
    }

    @Test
    void deleteGenerationRemovesTheReportedResultLikeItsOwnersDelete() {
        Made made = completed("beach portrait");
        long flagId = report(made.user(), made.generationId(), Map.of("reason", "Please remove"))
                .as(ModerationFlagView.class)
                .id();

        Answer resolved = resolve(flagId, Map.of("action", "delete_generation"));

        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.as(ModerationFlagView.class).action()).isEqualTo("delete_generation");
        assertThat(resolved.as(ModerationFlagView.class).generationId())
                .as("the flag keeps the id")
                .isEqualTo(made.generationId());
        assertThat(made.user()
                        .get(ApiClient.path(ApiPaths.GENERATION, made.generationId()))
                        .status())
                .isEqualTo(404);
        assertThat(sql.fetchCount(GENERATIONS, GENERATIONS.ID.eq(made.generationId())))
                .isZero();
        assertThat(audit("moderation_flag_resolved", Long.toString(flagId))).hasSize(1);
    }

    @Test
    void suspendUserSuspendsTheFlaggedAccountWithTheNoteAsReason() {
        ApiClient user = studio.userWithCredits(5);
        UUID userId = Studio.userId(user);
        create(user, "hentai", null);
        ModerationFlagView flag = flagsOf(userId).get(0);

        Answer resolved = resolve(flag.id(), Map.of("action", "suspend_user", "note", "Repeated attempts"));

        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(user.get(ApiPaths.ME).status())
                .as("the session stops working at once")
                .isEqualTo(401);
        assertThat(audit("user_suspended", userId.toString()))
                .singleElement()
                .satisfies(row -> assertThat(row.getReason()).isEqualTo("Repeated attempts"));
        assertThat(audit("moderation_flag_resolved", Long.toString(flag.id()))).hasSize(1);
    }

    @Test
    void suspendUserWithoutANoteGivesADefaultReasonAndAnAdminsOwnFlagIs409() {
        ApiClient user = studio.userWithCredits(5);
        UUID userId = Studio.userId(user);
        create(user, "gory scene", null);
        ModerationFlagView flag = flagsOf(userId).get(0);
        assertThat(resolve(flag.id(), Map.of("action", "suspend_user")).status())
                .isEqualTo(200);
        assertThat(audit("user_suspended", userId.toString()))
                .singleElement()
                .satisfies(row -> assertThat(row.getReason()).contains("flag " + flag.id()));

        assertThat(create(admin, "xxx", null).errorCode()).isEqualTo("prompt_rejected");
        ModerationFlagView own = flagsOf(adminId).get(0);
        Answer self = resolve(own.id(), Map.of("action", "suspend_user"));
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.errorCode()).isEqualTo("cannot_suspend_self");
        assertThat(admin.get(ApiPaths.ME).status()).isEqualTo(200);
        assertThat(flags("?status=open&limit=100").items())
                .extracting(ModerationFlagView::id)
                .contains(own.id());
    }
}
