package com.pixfino.studio.core.batch;

/**
 * Hears a batch's changes. Called from the engine's threads (a UI must hop to its own thread); each call must be cheap
 * and must not block.
 */
public interface BatchListener {

    default void itemChanged(BatchItem item) {}

    default void progressChanged(BatchProgress progress) {}
}
