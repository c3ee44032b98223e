package com.pixfino.server.styles;

import static com.pixfino.server.db.jooq.Tables.PROMPT_EXAMPLES;

import com.pixfino.model.PresetCategory;
import com.pixfino.model.api.styles.PromptExample;
import com.pixfino.model.api.styles.PromptList;
import java.util.Comparator;
import java.util.Optional;
import org.jooq.DSLContext;

/** The curated example prompts (seeded by migration), by preset category in the studio's order. */
public final class PromptLibrary {

    private final DSLContext dsl;

    public PromptLibrary(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every example of the category, or of every category when none is given. */
    public PromptList examples(Optional<PresetCategory> category) {
        var query = dsl.select(PROMPT_EXAMPLES.CATEGORY, PROMPT_EXAMPLES.TEXT, PROMPT_EXAMPLES.ID)
                .from(PROMPT_EXAMPLES);
        var rows = category.isPresent()
                ? query.where(PROMPT_EXAMPLES.CATEGORY.eq(category.get().name()))
                : query;
        return new PromptList(rows.orderBy(PROMPT_EXAMPLES.ID).fetch().stream()
                .map(r -> new PromptExample(PresetCategory.valueOf(r.value1()), r.value2()))
                .sorted(Comparator.comparing(PromptExample::category))
                .toList());
    }
}
