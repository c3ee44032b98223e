package com.pixfino.server.generation;

import java.time.Duration;

/** One open connection a user's status changes are pushed to (a Server-Sent Events client on the wire). */
public interface EventStream {

    void sendEvent(String event, String data, String id);

    void sendComment(String comment);

    /** True once the other side went away; nothing more is sent to it. */
    boolean isClosed();

    /** Runs {@code action} when the connection ends, from either side. */
    void onClose(Runnable action);

    void close();

    /** Ends the stream with a {@code retry:} hint: the client reconnects after {@code retry} (to another server). */
    void closeWithRetry(Duration retry);
}
