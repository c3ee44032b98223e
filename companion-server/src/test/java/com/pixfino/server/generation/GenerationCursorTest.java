package com.pixfino.server.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixfino.server.domain.PageCursor;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenerationCursorTest {

    @Test
    void aCursorNamesTheSamePositionBack() {
        GenerationCursor cursor =
                new GenerationCursor(OffsetDateTime.parse("2026-11-27T18:23:50.461076Z"), UUID.randomUUID());
        assertThat(GenerationCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    /** Times PostgreSQL cannot compare with (the hostile client's 500) and ids that are not canonical. */
    @ParameterizedTest
    @CsvSource({
        "99999999999999, 0, 3f1b7e2c-5c4e-4b8a-9d1e-6a2f0c9b7d41",
        "-99999999999999, 0, 3f1b7e2c-5c4e-4b8a-9d1e-6a2f0c9b7d41",
        "-1, 0, 3f1b7e2c-5c4e-4b8a-9d1e-6a2f0c9b7d41",
        "253402300800, 0, 3f1b7e2c-5c4e-4b8a-9d1e-6a2f0c9b7d41",
        "1700000000, 1000000000, 3f1b7e2c-5c4e-4b8a-9d1e-6a2f0c9b7d41",
        "1700000000, -1, 3f1b7e2c-5c4e-4b8a-9d1e-6a2f0c9b7d41",
        "1700000000, 0, 1-1-1-1-1",
        "1700000000, 0, 3F1B7E2C-5C4E-4B8A-9D1E-6A2F0C9B7D41"
    })
    void impossiblePositionsAreRefused(String seconds, String nanos, String id) {
        assertThatThrownBy(() -> GenerationCursor.decode(PageCursor.encode(seconds, nanos, id)))
                .isInstanceOf(RuntimeException.class);
    }
}
