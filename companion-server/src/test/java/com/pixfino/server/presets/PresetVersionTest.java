package com.pixfino.server.presets;

import static com.pixfino.server.db.jooq.Tables.PRESETS;
import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.server.testsupport.TestServices;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A preset's version grows when what it makes changes, never when it is merely used. */
class PresetVersionTest {

    private static TestServices graph;
    private static DSLContext dsl;

    @BeforeAll
    static void start() {
        graph = TestServices.fresh(java.util.function.UnaryOperator.identity());
        dsl = graph.database().dsl();
    }

    @AfterAll
    static void stop() {
        graph.close();
    }

    private static int version(long id) {
        return dsl.select(PRESETS.VERSION)
                .from(PRESETS)
                .where(PRESETS.ID.eq(id))
                .fetchOne(PRESETS.VERSION);
    }

    @Test
    void anEditBumpsTheVersionAndUsageCountingDoesNot() {
        long id = graph.presetId("cyberpunk");
        assertThat(version(id)).isEqualTo(1);

        dsl.update(PRESETS)
                .set(PRESETS.USAGE_COUNT, PRESETS.USAGE_COUNT.plus(3))
                .where(PRESETS.ID.eq(id))
                .execute();
        assertThat(version(id)).as("usage is not an edit").isEqualTo(1);

        dsl.update(PRESETS)
                .set(PRESETS.PROMPT_TEMPLATE, "Neon city portrait. {prompt}")
                .where(PRESETS.ID.eq(id))
                .execute();
        assertThat(version(id)).isEqualTo(2);

        dsl.update(PRESETS)
                .set(PRESETS.ASPECT_RATIOS, "1:1,9:16")
                .set(PRESETS.DEFAULT_ASPECT_RATIO, "9:16")
                .where(PRESETS.ID.eq(id))
                .execute();
        assertThat(version(id)).isEqualTo(3);
        assertThat(PresetCatalog.view(
                        dsl.selectFrom(PRESETS).where(PRESETS.ID.eq(id)).fetchOne()))
                .satisfies(view -> {
                    assertThat(view.aspectRatios()).containsExactly("1:1", "9:16");
                    assertThat(view.defaultAspectRatio()).isEqualTo("9:16");
                    assertThat(view.version()).isEqualTo(3);
                });
    }
}
