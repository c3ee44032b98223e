package com.pixfino.server.generation;

import java.util.UUID;

/**
 * What {@link GenerationEvents} needs from the change feed to send a {@code library} event only once the change is
 * servable: the feed serves a transaction's changes once every older transaction has ended (see the library feed), so
 * the event waits until the oldest running transaction is at or past the newest one at the time of the notice.
 */
public interface LibraryHorizon {

    /** Transactions have ids below this one when they committed before now ({@code pg_snapshot_xmax}). */
    long committedBelow();

    /** Every transaction with an id below this one has ended ({@code pg_snapshot_xmin}). */
    long endedBelow();

    /** The cursor a {@code library} event carries for the user. */
    String eventCursor(UUID userId);
}
