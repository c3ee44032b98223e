package com.pixfino.server.styles;

import static com.pixfino.server.db.jooq.Tables.LIBRARY_TOMBSTONES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.model.ApiPaths;
import com.pixfino.model.AspectRatio;
import com.pixfino.model.PresetCategory;
import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.apikeys.CreatedApiKey;
import com.pixfino.model.api.library.LibraryChanges;
import com.pixfino.model.api.styles.PromptExample;
import com.pixfino.model.api.styles.PromptList;
import com.pixfino.model.api.styles.StyleList;
import com.pixfino.model.api.styles.StyleRequest;
import com.pixfino.model.api.styles.StyleView;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.EventsStream;
import com.pixfino.server.testsupport.ServerExtension;
import com.pixfino.server.testsupport.Studio;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A creator's own styles and the prompt library over HTTP, on one server with a real PostgreSQL. */
class StyleApiTest {

    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Studio studio;
    private static long goldenHour;
    private static long headshot;
    private static long runwayReel;

    @BeforeAll
    static void start() {
        studio = new Studio(SERVER.server());
        goldenHour = studio.presetId("golden-hour");
        headshot = studio.presetId("linkedin-headshot");
        runwayReel = studio.presetId("fashion-runway-reel");
    }

    @Test
    void createReadListPatchAndDelete() {
        ApiClient user = studio.userWithCredits(0);
        Answer created = user.postRaw(
                ApiPaths.STYLES,
                body(Map.of(
                        "name", "  Warm window light ",
                        "basePresetId", goldenHour,
                        "prompt", "soft light\nfrom the left",
                        "negativePrompt", "harsh shadows",
                        "aspectRatio", "9:16")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Answer padded = user.postRaw(
                ApiPaths.STYLES,
                body(Map.of("name", "Padded format", "basePresetId", goldenHour, "aspectRatio", " 9:16 ")));
        assertThat(padded.status()).as("a format is one of six exact labels").isEqualTo(400);
        assertThat(padded.errorCode()).isEqualTo("invalid_aspect_ratio");
        StyleView style = created.as(StyleView.class);
        assertThat(style.name()).isEqualTo("Warm window light");
        assertThat(style.basePresetId()).isEqualTo(goldenHour);
        assertThat(style.basePresetName())
                .isEqualTo(studio.preset("golden-hour").name());
        assertThat(style.prompt()).isEqualTo("soft light from the left");
        assertThat(style.negativePrompt()).isEqualTo("harsh shadows");
        assertThat(style.aspectRatio()).isEqualTo("9:16");
        assertThat(style.version()).isPositive();
        assertThat(style.createdAt()).isNotNull().isEqualTo(style.updatedAt());

        String path = ApiClient.path(ApiPaths.STYLE, style.id());
        assertThat(user.get(path).as(StyleView.class)).isEqualTo(style);

        // no format: the base preset's default; no prompts: empty
        StyleView plain = user.postRaw(ApiPaths.STYLES, body(Map.of("name", "Plain", "basePresetId", headshot)))
                .as(StyleView.class);
        assertThat(plain.aspectRatio())
                .isEqualTo(studio.preset("linkedin-headshot").defaultAspectRatio());
        assertThat(plain.prompt()).isEmpty();
        assertThat(plain.negativePrompt()).isEmpty();
        assertThat(user.get(ApiPaths.STYLES).as(StyleList.class).items())
                .extracting(StyleView::id)
                .containsExactly(plain.id(), style.id());

        // PATCH is partial: what is left out keeps its value
        Answer patched = patch(user, path, "{\"prompt\":\"backlit, golden rim\"}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        StyleView afterPatch = patched.as(StyleView.class);
        assertThat(afterPatch.prompt()).isEqualTo("backlit, golden rim");
        assertThat(afterPatch.name()).isEqualTo(style.name());
        assertThat(afterPatch.negativePrompt()).isEqualTo("harsh shadows");
        assertThat(afterPatch.aspectRatio()).isEqualTo("9:16");
        assertThat(afterPatch.basePresetId()).isEqualTo(goldenHour);
        assertThat(afterPatch.version()).isGreaterThan(style.version());
        assertThat(afterPatch.updatedAt()).isAfterOrEqualTo(style.updatedAt());
        // the same PATCH again, or an empty one, changes nothing
        assertThat(patch(user, path, "{\"prompt\":\"backlit, golden rim\"}").as(StyleView.class))
                .isEqualTo(afterPatch);
        assertThat(patch(user, path, "{}").as(StyleView.class)).isEqualTo(afterPatch);
        StyleView moved = patch(
                        user,
                        path,
                        "{\"name\":\"Warm Window Light\",\"basePresetId\":" + headshot
                                + ",\"aspectRatio\":\"4:5\",\"negativePrompt\":\"\"}")
                .as(StyleView.class);
        assertThat(moved.name()).isEqualTo("Warm Window Light");
        assertThat(moved.basePresetId()).isEqualTo(headshot);
        assertThat(moved.basePresetName())
                .isEqualTo(studio.preset("linkedin-headshot").name());
        assertThat(moved.aspectRatio()).isEqualTo("4:5");
        assertThat(moved.negativePrompt()).isEmpty();
        assertThat(moved.prompt()).isEqualTo("backlit, golden rim");

        assertThat(user.delete(path).status()).isEqualTo(204);
        assertThat(user.delete(path).status()).isEqualTo(204);
        assertThat(user.get(path).status()).isEqualTo(404);
        assertThat(patch(user, path, "{\"prompt\":\"back\"}").status()).isEqualTo(404);
        assertThat(user.get(ApiPaths.STYLES).as(StyleList.class).items())
                .extracting(StyleView::id)
                .containsExactly(plain.id());
        // the name is free again
        assertThat(user.postRaw(ApiPaths.STYLES, body(Map.of("name", "warm window light", "basePresetId", headshot)))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void everyRefusalIsA400WithASentenceAndNoJavaNames() {
        ApiClient user = studio.userWithCredits(0);
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("{\"basePresetId\":" + goldenHour + "}", "missing_name");
        bad.put("{\"name\":\"\",\"basePresetId\":" + goldenHour + "}", "invalid_name");
        bad.put("{\"name\":\"   \",\"basePresetId\":" + goldenHour + "}", "invalid_name");
        bad.put("{\"name\":\"" + "n".repeat(61) + "\",\"basePresetId\":" + goldenHour + "}", "invalid_name");
        bad.put("{\"name\":\"" + "n".repeat(100_000) + "\",\"basePresetId\":" + goldenHour + "}", "invalid_name");
        bad.put("{\"name\":\"tab\\there\",\"basePresetId\":" + goldenHour + "}", "invalid_text");
        bad.put("{\"name\":\"nul\\u0000\",\"basePresetId\":" + goldenHour + "}", "invalid_text");
        bad.put("{\"name\":\"x\",\"basePresetId\":" + goldenHour + ",\"prompt\":\"a\\u0000b\"}", "invalid_text");
        bad.put("{\"name\":\"x\"}", "missing_base_preset");
        bad.put("{\"name\":\"x\",\"basePresetId\":987654321}", "invalid_base_preset");
        bad.put("{\"name\":\"x\",\"basePresetId\":-1}", "invalid_base_preset");
        bad.put("{\"name\":\"x\",\"basePresetId\":\"golden-hour\"}", "invalid_field");
        bad.put("{\"name\":\"x\",\"basePresetId\":1.5}", "invalid_field");
        bad.put(
                "{\"name\":\"x\",\"basePresetId\":" + goldenHour + ",\"prompt\":\"" + "p".repeat(1001) + "\"}",
                "invalid_prompt");
        bad.put(
                "{\"name\":\"x\",\"basePresetId\":" + goldenHour + ",\"prompt\":\"" + "p".repeat(200_000) + "\"}",
                "invalid_prompt");
        bad.put(
                "{\"name\":\"x\",\"basePresetId\":" + goldenHour + ",\"negativePrompt\":\"" + "p".repeat(501) + "\"}",
                "invalid_negative_prompt");
        bad.put("{\"name\":\"x\",\"basePresetId\":" + goldenHour + ",\"aspectRatio\":\"2:1\"}", "invalid_aspect_ratio");
        bad.put("{\"name\":\"x\",\"basePresetId\":" + goldenHour + ",\"aspectRatio\":\"\"}", "invalid_aspect_ratio");
        bad.put("{\"name\":\"x\",\"basePresetId\":" + goldenHour + ",\"aspectRatio\":916}", "invalid_field");
        // a video model makes fewer formats: the style is refused with the formats it does make
        bad.put(
                "{\"name\":\"x\",\"basePresetId\":" + runwayReel + ",\"aspectRatio\":\"4:5\"}",
                "unsupported_aspect_ratio");
        bad.put("{\"name\":\"x\",\"basePresetId\":" + goldenHour + ",\"colour\":\"red\"}", "unknown_field");
        bad.put("[1,2]", "malformed_json");
        bad.put("{\"name\":", "malformed_json");
        for (Map.Entry<String, String> request : bad.entrySet()) {
            String label =
                    request.getKey().length() > 120 ? request.getKey().substring(0, 120) + "…" : request.getKey();
            Answer answer = user.postRaw(ApiPaths.STYLES, request.getKey());
            assertThat(answer.status()).as(label).isEqualTo(400);
            assertThat(answer.errorCode()).as(label).isEqualTo(request.getValue());
            assertSentence(answer, label);
        }
        assertThat(user.get(ApiPaths.STYLES).as(StyleList.class).items()).isEmpty();

        // the limits themselves are fine
        Answer longest = user.postRaw(
                ApiPaths.STYLES,
                body(Map.of(
                        "name",
                        "n".repeat(60),
                        "basePresetId",
                        goldenHour,
                        "prompt",
                        "p".repeat(1000),
                        "negativePrompt",
                        "q".repeat(500))));
        assertThat(longest.status()).as(longest.body()).isEqualTo(201);
        for (AspectRatio ratio : AspectRatio.values()) {
            Answer answer = user.postRaw(
                    ApiPaths.STYLES,
                    body(Map.of(
                            "name",
                            "format " + ratio.label(),
                            "basePresetId",
                            goldenHour,
                            "aspectRatio",
                            ratio.label())));
            assertThat(answer.status()).as(ratio.label()).isEqualTo(201);
            assertThat(answer.as(StyleView.class).aspectRatio()).isEqualTo(ratio.label());
        }

        // a PATCH is held to the same rules and changes nothing when refused
        String path = ApiClient.path(ApiPaths.STYLE, longest.as(StyleView.class).id());
        for (String patch : List.of(
                "{\"name\":\"\"}",
                "{\"name\":\"a\\u0007b\"}",
                "{\"basePresetId\":987654321}",
                "{\"prompt\":\"" + "p".repeat(1001) + "\"}",
                "{\"negativePrompt\":\"" + "p".repeat(501) + "\"}",
                "{\"aspectRatio\":\"21:9\"}",
                "{\"id\":\"" + UUID.randomUUID() + "\"}")) {
            Answer answer = patch(user, path, patch);
            assertThat(answer.status()).as(patch).isEqualTo(400);
            assertSentence(answer, patch);
        }
        assertThat(user.get(path).as(StyleView.class)).isEqualTo(longest.as(StyleView.class));
    }

    @Test
    void namesAreUniquePerUserRegardlessOfCase() {
        ApiClient user = studio.userWithCredits(0);
        ApiClient other = studio.userWithCredits(0);
        assertThat(user.postRaw(ApiPaths.STYLES, body(Map.of("name", "Moody Noir", "basePresetId", goldenHour)))
                        .status())
                .isEqualTo(201);
        Answer twice = user.postRaw(ApiPaths.STYLES, body(Map.of("name", " moody NOIR ", "basePresetId", headshot)));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.errorCode()).isEqualTo("style_name_taken");
        assertSentence(twice, "duplicate");
        // another user may use the name
        assertThat(other.postRaw(ApiPaths.STYLES, body(Map.of("name", "Moody Noir", "basePresetId", goldenHour)))
                        .status())
                .isEqualTo(201);
        StyleView second = user.postRaw(ApiPaths.STYLES, body(Map.of("name", "Bright", "basePresetId", goldenHour)))
                .as(StyleView.class);
        String path = ApiClient.path(ApiPaths.STYLE, second.id());
        Answer rename = patch(user, path, "{\"name\":\"MOODY noir\"}");
        assertThat(rename.status()).isEqualTo(409);
        assertSentence(rename, "rename");
        // a style may change the case of its own name
        assertThat(patch(user, path, "{\"name\":\"BRIGHT\"}")
                        .as(StyleView.class)
                        .name())
                .isEqualTo("BRIGHT");
    }

    @Test
    void aUserKeepsAtMost200Styles() {
        ApiClient user = studio.userWithCredits(0);
        UUID userId = Studio.userId(user);
        StyleService styles = SERVER.server().services().styles();
        for (int i = 0; i < StyleService.MAX_STYLES - 1; i++) {
            styles.create(userId, new StyleRequest("style " + i, goldenHour, null, null, null));
        }
        Answer last = user.postRaw(ApiPaths.STYLES, body(Map.of("name", "the 200th", "basePresetId", goldenHour)));
        assertThat(last.status()).isEqualTo(201);
        Answer tooMany = user.postRaw(ApiPaths.STYLES, body(Map.of("name", "one more", "basePresetId", goldenHour)));
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.errorCode()).isEqualTo("too_many_styles");
        assertThat(tooMany.json().path("error").path("message").asText()).contains("200");
        assertThat(user.get(ApiPaths.STYLES).as(StyleList.class).items()).hasSize(200);
        // deleting one makes room
        assertThat(user.delete(ApiClient.path(
                                ApiPaths.STYLE, last.as(StyleView.class).id()))
                        .status())
                .isEqualTo(204);
        assertThat(user.postRaw(ApiPaths.STYLES, body(Map.of("name", "one more", "basePresetId", goldenHour)))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void stylesAreOwnerOnly() {
        ApiClient owner = studio.userWithCredits(0);
        ApiClient stranger = studio.userWithCredits(0);
        StyleView mine = owner.postRaw(
                        ApiPaths.STYLES,
                        body(Map.of("name", "Private", "basePresetId", goldenHour, "prompt", "secret sauce")))
                .as(StyleView.class);
        String path = ApiClient.path(ApiPaths.STYLE, mine.id());
        String unknown = ApiClient.path(ApiPaths.STYLE, UUID.randomUUID());
        Answer foreign = stranger.get(path);
        assertThat(foreign.status()).isEqualTo(404);
        // another user's id is answered exactly like an id nobody has
        assertThat(foreign.json().path("error").path("message").asText())
                .isEqualTo("No such style: " + mine.id() + ".");
        assertThat(owner.get(unknown).json().path("error").path("message").asText())
                .isEqualTo("No such style: " + unknown.substring(unknown.lastIndexOf('/') + 1) + ".");
        assertThat(patch(stranger, path, "{\"name\":\"Mine now\"}").status()).isEqualTo(404);
        assertThat(stranger.delete(path).status()).isEqualTo(404);
        assertThat(stranger.get(ApiPaths.STYLES).as(StyleList.class).items()).isEmpty();
        assertThat(owner.get(path).as(StyleView.class)).isEqualTo(mine);
        for (String id : List.of(unknown, ApiPaths.STYLES + "/not-a-uuid", ApiPaths.STYLES + "/123")) {
            assertThat(owner.get(id).status()).as(id).isEqualTo(404);
            assertThat(patch(owner, id, "{\"name\":\"x\"}").status()).as(id).isEqualTo(404);
            assertThat(owner.delete(id).status()).as(id).isEqualTo(404);
        }
        // the owner's delete leaves a tombstone the stranger cannot see either
        assertThat(owner.delete(path).status()).isEqualTo(204);
        assertThat(stranger.delete(path).status()).isEqualTo(404);
        assertThat(stranger.get(ApiPaths.LIBRARY_CHANGES)
                        .as(LibraryChanges.class)
                        .deletedStyles())
                .doesNotContain(mine.id());

        // what the generation create path reads: the owner's style, and "No such style" for anyone else
        StyleService styles = SERVER.server().services().styles();
        StyleView kept = owner.postRaw(
                        ApiPaths.STYLES,
                        body(Map.of(
                                "name", "Kept",
                                "basePresetId", headshot,
                                "prompt", "navy blazer",
                                "negativePrompt", "blur",
                                "aspectRatio", "16:9")))
                .as(StyleView.class);
        StyleService.ResolvedStyle resolved = styles.resolve(Studio.userId(owner), kept.id());
        assertThat(resolved)
                .isEqualTo(
                        new StyleService.ResolvedStyle(kept.id(), headshot, "navy blazer", "blur", AspectRatio.WIDE));
        assertThatThrownBy(() -> styles.resolve(Studio.userId(stranger), kept.id()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND))
                .hasMessageStartingWith("No such style");
        assertThatThrownBy(() -> styles.resolve(Studio.userId(owner), mine.id()))
                .hasMessageStartingWith("No such style");
    }

    @Test
    void sessionsAndKeysNeedTheRightScope() {
        ApiClient user = studio.userWithCredits(0);
        StyleView style = user.postRaw(ApiPaths.STYLES, body(Map.of("name", "Keyed", "basePresetId", goldenHour)))
                .as(StyleView.class);
        String path = ApiClient.path(ApiPaths.STYLE, style.id());
        ApiClient anonymous = SERVER.client();
        assertThat(anonymous.get(ApiPaths.STYLES).status()).isEqualTo(401);
        assertThat(anonymous.get(path).status()).isEqualTo(401);
        assertThat(anonymous.postRaw(ApiPaths.STYLES, "{}").status()).isEqualTo(401);
        assertThat(anonymous.method("PATCH", path, "{}").status()).isEqualTo(401);
        assertThat(anonymous.delete(path).status()).isEqualTo(401);
        assertThat(anonymous.get(ApiPaths.PROMPTS).status()).isEqualTo(401);

        ApiClient reader = SERVER.client().withToken(key(user, "read"));
        ApiClient generator = SERVER.client().withToken(key(user, "generate"));
        assertThat(reader.get(ApiPaths.STYLES).as(StyleList.class).items())
                .extracting(StyleView::id)
                .contains(style.id());
        assertThat(reader.get(path).status()).isEqualTo(200);
        assertThat(reader.get(ApiPaths.PROMPTS).status()).isEqualTo(200);
        assertThat(reader.postRaw(ApiPaths.STYLES, body(Map.of("name", "no", "basePresetId", goldenHour)))
                        .status())
                .isEqualTo(403);
        assertThat(patch(reader, path, "{\"name\":\"no\"}").status()).isEqualTo(403);
        assertThat(reader.delete(path).status()).isEqualTo(403);
        assertThat(generator
                        .postRaw(ApiPaths.STYLES, body(Map.of("name", "yes", "basePresetId", goldenHour)))
                        .status())
                .isEqualTo(201);
        assertThat(patch(generator, path, "{\"prompt\":\"by key\"}").status()).isEqualTo(200);
        assertThat(generator.get(ApiPaths.PROMPTS).status()).isEqualTo(200);
        assertThat(generator.delete(path).status()).isEqualTo(204);
    }

    @Test
    void stylesAndTheirTombstonesTravelInTheChangeFeed() {
        ApiClient user = studio.userWithCredits(0);
        ApiClient other = studio.userWithCredits(0);
        StyleView a = user.postRaw(ApiPaths.STYLES, body(Map.of("name", "A", "basePresetId", goldenHour)))
                .as(StyleView.class);
        StyleView b = user.postRaw(ApiPaths.STYLES, body(Map.of("name", "B", "basePresetId", goldenHour)))
                .as(StyleView.class);

        // a full sync holds both
        LibraryChanges full = user.get(ApiPaths.LIBRARY_CHANGES).as(LibraryChanges.class);
        assertThat(full.styles()).containsExactly(a, b);
        assertThat(full.deletedStyles()).isEmpty();
        assertThat(full.hasMore()).isFalse();
        assertThat(other.get(ApiPaths.LIBRARY_CHANGES).as(LibraryChanges.class).styles())
                .isEmpty();

        // nothing new: nothing again
        LibraryChanges quiet = changes(user, full.cursor(), 500);
        assertThat(quiet.styles()).isEmpty();
        assertThat(quiet.deletedStyles()).isEmpty();

        // an edit after the cursor is re-sent with its new version; a delete becomes a tombstone
        StyleView edited = patch(user, ApiClient.path(ApiPaths.STYLE, a.id()), "{\"aspectRatio\":\"3:2\"}")
                .as(StyleView.class);
        assertThat(user.delete(ApiClient.path(ApiPaths.STYLE, b.id())).status()).isEqualTo(204);
        LibraryChanges after = changes(user, full.cursor(), 500);
        assertThat(after.styles()).containsExactly(edited);
        assertThat(after.styles().get(0).version()).isGreaterThan(a.version());
        assertThat(after.deletedStyles()).containsExactly(b.id());
        // a second delete changes nothing, so the feed has nothing new
        assertThat(user.delete(ApiClient.path(ApiPaths.STYLE, b.id())).status()).isEqualTo(204);
        LibraryChanges settled = changes(user, after.cursor(), 500);
        assertThat(settled.styles()).isEmpty();
        assertThat(settled.deletedStyles()).isEmpty();
        // a new full sync shows the tombstone as well as the live style
        LibraryChanges again = user.get(ApiPaths.LIBRARY_CHANGES).as(LibraryChanges.class);
        assertThat(again.styles()).containsExactly(edited);
        assertThat(again.deletedStyles()).containsExactly(b.id());
        assertThat(other.get(ApiPaths.LIBRARY_CHANGES).as(LibraryChanges.class).deletedStyles())
                .isEmpty();
    }

    @Test
    void aStyleTombstoneIsPurgedWithTheOthers() {
        ApiClient user = studio.userWithCredits(0);
        StyleView style = user.postRaw(ApiPaths.STYLES, body(Map.of("name", "Short-lived", "basePresetId", goldenHour)))
                .as(StyleView.class);
        String path = ApiClient.path(ApiPaths.STYLE, style.id());
        assertThat(user.delete(path).status()).isEqualTo(204);
        assertThat(user.get(ApiPaths.LIBRARY_CHANGES).as(LibraryChanges.class).deletedStyles())
                .containsExactly(style.id());
        // older than the window (PIXFINO_TOMBSTONE_DAYS): the purge task takes it like any other tombstone
        SERVER.server()
                .app()
                .database()
                .dsl()
                .update(LIBRARY_TOMBSTONES)
                .set(
                        LIBRARY_TOMBSTONES.DELETED_AT,
                        OffsetDateTime.now()
                                .minus(SERVER.server().config().tombstoneWindow())
                                .minusDays(1))
                .where(LIBRARY_TOMBSTONES.ID.eq(style.id()))
                .and(LIBRARY_TOMBSTONES.KIND.eq(StyleService.TOMBSTONE_STYLE))
                .execute();
        assertThat(SERVER.server().services().tombstonePurge().runNow()).isPositive();
        assertThat(user.get(ApiPaths.LIBRARY_CHANGES).as(LibraryChanges.class).deletedStyles())
                .isEmpty();
        // with the tombstone gone the id is simply unknown
        assertThat(user.delete(path).status()).isEqualTo(404);
    }

    /**
     * Styles do not count toward {@code limit}; like collections, a page carries the style changes up to the position
     * of its last generation, and the rest come with a later page, never twice and never skipped.
     */
    @Test
    void aPagedFeedServesEachStyleChangeOnceAtItsPlace() {
        ApiClient user = studio.userWithCredits(10);
        long preset = studio.presetId("linkedin-headshot");
        String first = Studio.generate(user, preset, null);
        Studio.awaitFinal(user, first, Duration.ofSeconds(30));
        StyleView style = user.postRaw(ApiPaths.STYLES, body(Map.of("name", "Between", "basePresetId", goldenHour)))
                .as(StyleView.class);
        String second = Studio.generate(user, preset, null);
        Studio.awaitFinal(user, second, Duration.ofSeconds(30));

        LibraryChanges page1 = changes(user, null, 1);
        assertThat(page1.changes()).extracting(GenerationView::id).containsExactly(UUID.fromString(first));
        assertThat(page1.hasMore()).isTrue();
        assertThat(page1.styles())
                .as("the style changed after the page's last generation")
                .isEmpty();
        LibraryChanges page2 = changes(user, page1.cursor(), 1);
        assertThat(page2.changes()).extracting(GenerationView::id).containsExactly(UUID.fromString(second));
        assertThat(page2.styles()).containsExactly(style);
        assertThat(page2.hasMore()).isFalse();
        assertThat(changes(user, page2.cursor(), 1).styles()).isEmpty();

        // a style changed after the last generation still comes with the last page, and moves the cursor past it
        StyleView renamed = patch(user, ApiClient.path(ApiPaths.STYLE, style.id()), "{\"name\":\"After\"}")
                .as(StyleView.class);
        LibraryChanges page3 = changes(user, page2.cursor(), 1);
        assertThat(page3.changes()).isEmpty();
        assertThat(page3.styles()).containsExactly(renamed);
        assertThat(changes(user, page3.cursor(), 1).styles()).isEmpty();
    }

    @Test
    void aStyleChangeReachesTheUsersStreamsAsALibraryEvent() throws Exception {
        ApiClient user = studio.userWithCredits(0);
        try (EventsStream stream = EventsStream.open(user)) {
            assertThat(stream.response().code()).isEqualTo(200);
            assertThat(stream.readLine()).startsWith(":");
            user.postRaw(ApiPaths.STYLES, body(Map.of("name", "Announced", "basePresetId", goldenHour)));
            String data = stream.awaitData(ApiPaths.LIBRARY_EVENT, Duration.ofSeconds(20));
            assertThat(data).isNotNull().contains("\"cursor\":\"");
        }
    }

    @Test
    void thePromptLibraryHasFiveOrMoreGoodPromptsForEveryCategory() {
        ApiClient user = studio.userWithCredits(0);
        Answer all = user.get(ApiPaths.PROMPTS);
        assertThat(all.status()).isEqualTo(200);
        List<PromptExample> items = all.as(PromptList.class).items();
        Map<PresetCategory, List<String>> byCategory = items.stream()
                .collect(Collectors.groupingBy(
                        PromptExample::category, Collectors.mapping(PromptExample::text, Collectors.toList())));
        assertThat(byCategory.keySet()).containsExactlyInAnyOrder(PresetCategory.values());
        Set<String> texts = new HashSet<>();
        for (PresetCategory category : PresetCategory.values()) {
            assertThat(byCategory.get(category)).as(category.name()).hasSizeGreaterThanOrEqualTo(5);
            for (String text : byCategory.get(category)) {
                assertThat(text.trim())
                        .as(category.name())
                        .hasSizeGreaterThan(40)
                        .hasSizeLessThan(1000);
                assertThat(texts.add(text)).as("unique: " + text).isTrue();
            }
        }
        // the answer is in the studio's category order
        assertThat(items).extracting(PromptExample::category).isSortedAccordingTo(Enum::compareTo);
        assertThat(all.json().path("items").get(0).path("category").asText()).isEqualTo("PORTRAIT");

        for (String spelling : List.of("headshot", "HEADSHOT", " Headshot ")) {
            List<PromptExample> headshots = user.get(ApiPaths.PROMPTS + "?category=" + encode(spelling))
                    .as(PromptList.class)
                    .items();
            assertThat(headshots)
                    .as(spelling)
                    .hasSize(byCategory.get(PresetCategory.HEADSHOT).size());
            assertThat(headshots).extracting(PromptExample::category).containsOnly(PresetCategory.HEADSHOT);
        }
        assertThat(user.get(ApiPaths.PROMPTS + "?category=video_ad")
                        .as(PromptList.class)
                        .items())
                .hasSizeGreaterThanOrEqualTo(5)
                .extracting(PromptExample::category)
                .containsOnly(PresetCategory.VIDEO_AD);
        for (String bad : List.of("selfie", "%00", "portraits")) {
            Answer refused = user.get(ApiPaths.PROMPTS + "?category=" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertSentence(refused, bad);
        }
        assertThat(user.get(ApiPaths.PROMPTS + "?category=selfie")
                        .json()
                        .path("error")
                        .path("message")
                        .asText())
                .contains("PORTRAIT", "HEADSHOT", "FASHION", "FANTASY", "PRODUCT", "VIDEO_AD");
    }

    private static void assertSentence(Answer answer, String label) {
        String message = answer.json().path("error").path("message").asText();
        assertThat(message).as(label).isNotBlank().endsWith(".").doesNotContain("java.", "com.pixfino", "Exception");
        assertThat(message.length()).as(label).isLessThan(400);
    }

    private static LibraryChanges changes(ApiClient user, String cursor, int limit) {
        return user.get(ApiPaths.LIBRARY_CHANGES + "?limit=" + limit
                        + (cursor == null ? "" : "&cursor=" + encode(cursor)))
                .as(LibraryChanges.class);
    }

    private static Answer patch(ApiClient client, String path, String body) {
        return client.method("PATCH", path, body);
    }

    private static String body(Map<String, Object> fields) {
        try {
            return JSON.writeValueAsString(new HashMap<>(fields));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key(ApiClient user, String scope) {
        return user.post(ApiPaths.API_KEYS, Map.of("name", "styles-" + scope, "scopes", List.of(scope)))
                .as(CreatedApiKey.class)
                .key();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
