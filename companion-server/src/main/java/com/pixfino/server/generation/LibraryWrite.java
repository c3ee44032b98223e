package com.pixfino.server.generation;

import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * How every library edit runs: one transaction under the user's library lock ({@link GenerationStore#lockLibrary}),
 * and, once committed and only when it changed something, a notice to the user's other devices.
 */
public record LibraryWrite(DSLContext dsl, StatusNotices notices) {

    /** What an edit answers and whether it changed anything (an edit that changes nothing tells no one). */
    public record Outcome<T>(T value, boolean changed) {}

    /** The edit's body, given the transaction that already holds the library lock. */
    @FunctionalInterface
    public interface Edit<T> {
        Outcome<T> apply(DSLContext tx);
    }

    /** An edit whose answer is only whether it changed something. */
    @FunctionalInterface
    public interface Change {
        boolean apply(DSLContext tx);
    }

    public <T> T edit(UUID userId, Edit<T> edit) {
        Outcome<T> outcome = dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            GenerationStore.lockLibrary(tx, userId);
            return edit.apply(tx);
        });
        if (outcome.changed()) {
            notices.publishLibrary(userId);
        }
        return outcome.value();
    }

    /** Runs {@code change} and answers whether it changed something. */
    public boolean change(UUID userId, Change change) {
        return edit(userId, tx -> {
            boolean changed = change.apply(tx);
            return new Outcome<>(changed, changed);
        });
    }
}
