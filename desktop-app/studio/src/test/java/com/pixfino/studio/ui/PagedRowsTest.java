package com.pixfino.studio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.api.Page;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagedRowsTest {

    private final PagedRows<String> rows = new PagedRows<>();

    @Test
    void aNextPageGoesAfterTheRowsAndAFirstPageReplacesThem() {
        rows.show(new Page<>(List.of("a", "b"), "c2"), false);
        assertThat(rows.rows()).containsExactly("a", "b");
        assertThat(rows.next()).isEqualTo("c2");
        assertThat(rows.moreProperty().get()).isTrue();

        rows.show(new Page<>(List.of("c"), null), true);
        assertThat(rows.rows()).containsExactly("a", "b", "c");
        assertThat(rows.next()).isNull();
        assertThat(rows.moreProperty().get()).isFalse();

        rows.show(new Page<>(List.of("z"), "c9"), false);
        assertThat(rows.rows()).containsExactly("z");
        assertThat(rows.moreProperty().get()).isTrue();
    }

    @Test
    void clearingForgetsTheCursorSoLoadMoreCannotAskForAnotherAccountsNextPage() {
        rows.show(new Page<>(List.of("a"), "c2"), false);

        rows.clear();

        assertThat(rows.rows()).isEmpty();
        assertThat(rows.next()).isNull();
        assertThat(rows.moreProperty().get()).isFalse();
    }

    @Test
    void aPageWithoutItemsShowsNone() {
        rows.show(new Page<>(List.of("a"), null), false);

        rows.show(new Page<>(null, null), false);

        assertThat(rows.rows()).isEmpty();
    }
}
