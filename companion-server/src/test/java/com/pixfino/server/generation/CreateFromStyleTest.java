package com.pixfino.server.generation;

import static com.pixfino.server.db.jooq.Tables.GENERATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.model.api.GenerationAccepted;
import com.pixfino.server.db.jooq.tables.records.GenerationsRecord;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.moderation.PromptModeration;
import com.pixfino.server.testsupport.TestServices;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A create that names a style (issue 14): the style's base preset is made and charged, its prompt, negative prompt
 * and format fill what the request leaves out, and the style is recorded; someone else's style is a 404.
 */
class CreateFromStyleTest {

    private static final Map<UUID, Map.Entry<UUID, StyleLookup.Style>> STYLES = new ConcurrentHashMap<>();
    private static TestServices graph;
    private static GenerationService generations;
    private static long headshot;
    private static long runwayReel;

    @BeforeAll
    static void start() {
        graph = TestServices.fresh(queue -> TestServices.idleQueue());
        var s = graph.services();
        generations = new GenerationService(
                graph.database().dsl(),
                s.ledger(),
                s.presets(),
                s.generationStore(),
                TestServices.idleQueue(),
                s.storage(),
                Duration.ofMinutes(15),
                (userId, styleId) -> {
                    var owned = STYLES.get(styleId);
                    if (owned == null || !owned.getKey().equals(userId)) {
                        throw DomainException.notFound("Style " + styleId);
                    }
                    return owned.getValue();
                },
                new PromptModeration(s.moderationWords(), s.moderationFlags()));
        headshot = graph.presetId("linkedin-headshot");
        runwayReel = graph.presetId("fashion-runway-reel");
    }

    @AfterAll
    static void stop() {
        graph.close();
    }

    private static UUID style(UUID owner, long basePreset, String prompt, String negative, String format) {
        UUID id = UUID.randomUUID();
        STYLES.put(id, Map.entry(owner, new StyleLookup.Style(id, basePreset, prompt, negative, format)));
        return id;
    }

    private static GenerationsRecord row(UUID id) {
        return graph.database()
                .dsl()
                .selectFrom(GENERATIONS)
                .where(GENERATIONS.ID.eq(id))
                .fetchOne();
    }

    @Test
    void theStyleFillsWhatTheRequestLeavesOutAndItsBasePresetIsCharged() {
        UUID user = graph.userWithCredits(40);
        UUID style = style(user, runwayReel, "on a catwalk in Milan", "hats", "16:9");

        GenerationAccepted accepted = generations.create(
                user, new CreateGenerationRequest(null, graph.upload(user), null, null, null, 5L, null, style), null);

        assertThat(accepted.creditsCharged()).isEqualTo(38);
        assertThat(graph.services().ledger().balance(user)).isEqualTo(2);
        GenerationsRecord made = row(accepted.id());
        assertThat(made.getPresetId()).isEqualTo(runwayReel);
        assertThat(made.getPrompt()).isEqualTo("on a catwalk in Milan");
        assertThat(made.getNegativePrompt()).isEqualTo("hats");
        assertThat(made.getAspectRatio()).isEqualTo("16:9");
        assertThat(made.getStyleId()).isEqualTo(style);
        assertThat(made.getSeed()).isEqualTo(5L);
    }

    @Test
    void theRequestsOwnPromptAndFormatWinOverTheStyles() {
        UUID user = graph.userWithCredits(4);
        UUID style = style(user, headshot, "in an office", "glasses", "4:5");

        GenerationAccepted accepted = generations.create(
                user,
                new CreateGenerationRequest(
                        headshot, graph.upload(user), "by the sea", "ties", "9:16", null, null, style),
                null);

        GenerationsRecord made = row(accepted.id());
        assertThat(made.getPrompt()).isEqualTo("by the sea");
        assertThat(made.getNegativePrompt()).isEqualTo("ties");
        assertThat(made.getAspectRatio()).isEqualTo("9:16");
        assertThat(made.getStyleId()).isEqualTo(style);
    }

    @Test
    void aStyleWhoseSavedPromptIsBannedIsRefusedBeforeChargingAndCreatesNothing() {
        UUID user = graph.userWithCredits(4);
        UUID style = style(user, headshot, "in an office", "n.u.d.e", null);
        int generationsBefore = graph.database().dsl().fetchCount(GENERATIONS);

        assertThatThrownBy(() -> generations.create(
                        user,
                        new CreateGenerationRequest(null, graph.upload(user), null, null, null, null, null, style),
                        null))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("prompt_rejected"));
        assertThat(graph.services().ledger().balance(user)).isEqualTo(4);
        assertThat(graph.database().dsl().fetchCount(GENERATIONS)).isEqualTo(generationsBefore);
    }

    @Test
    void anotherUsersStyleIsA404AndChargesNothing() {
        UUID owner = graph.userWithCredits(4);
        UUID other = graph.userWithCredits(4);
        UUID style = style(owner, headshot, "in an office", null, null);

        assertThatThrownBy(() -> generations.create(
                        other,
                        new CreateGenerationRequest(null, graph.upload(other), null, null, null, null, null, style),
                        null))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
        assertThat(graph.services().ledger().balance(other)).isEqualTo(4);
    }

    @Test
    void aStyleWhoseFormatItsPresetCannotMakeIsRefusedBeforeCharging() {
        UUID user = graph.userWithCredits(38);
        UUID style = style(user, runwayReel, null, null, "4:5");

        assertThatThrownBy(() -> generations.create(
                        user,
                        new CreateGenerationRequest(null, graph.upload(user), null, null, null, null, null, style),
                        null))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.getMessage())
                                .isEqualTo("Fashion Runway Reel cannot make 4:5; it makes 16:9, 9:16 or 1:1."));
        assertThat(graph.services().ledger().balance(user)).isEqualTo(38);
    }
}
