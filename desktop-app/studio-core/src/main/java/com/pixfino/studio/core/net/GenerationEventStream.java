package com.pixfino.studio.core.net;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.GenerationEvent;
import com.pixfino.model.api.billing.BalanceEvent;
import com.pixfino.model.api.library.LibraryEvent;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to {@code GET /events}: generation status changes and balance changes. It does not reconnect: the
 * queue's live updates decide when to. Events of other names are skipped, so a newer server can add some.
 */
final class GenerationEventStream extends EventSourceListener implements Closeable {

    private static final String GENERATION_EVENT = "generation";
    private static final Logger LOG = LoggerFactory.getLogger(GenerationEventStream.class);
    // The server sends a keep-alive comment every 15 s; twice that in silence means the line is dead.
    private static final Duration SILENCE_LIMIT = Duration.ofSeconds(35);

    private final ObjectMapper json;
    private final GenerationEventListener listener;
    private final AtomicBoolean finished = new AtomicBoolean();
    private EventSource source;

    private GenerationEventStream(ObjectMapper json, GenerationEventListener listener) {
        this.json = json;
        this.listener = listener;
    }

    static GenerationEventStream open(
            OkHttpClient http, ObjectMapper json, Request request, GenerationEventListener listener) {
        OkHttpClient streaming = http.newBuilder()
                .readTimeout(SILENCE_LIMIT)
                .callTimeout(Duration.ZERO)
                .build();
        GenerationEventStream stream = new GenerationEventStream(json, listener);
        Request withAccept =
                request.newBuilder().header("Accept", "text/event-stream").build();
        stream.source = EventSources.createFactory(streaming).newEventSource(withAccept, stream);
        return stream;
    }

    @Override
    public void onOpen(EventSource eventSource, Response response) {
        listener.opened();
    }

    @Override
    public void onEvent(EventSource eventSource, String id, String type, String data) {
        try {
            if (GENERATION_EVENT.equals(type)) {
                listener.event(json.readValue(data, GenerationEvent.class));
            } else if (ApiPaths.BALANCE_EVENT.equals(type)) {
                listener.balance(json.readValue(data, BalanceEvent.class));
            } else if (ApiPaths.LIBRARY_EVENT.equals(type)) {
                listener.library(json.readValue(data, LibraryEvent.class));
            }
        } catch (IOException e) {
            LOG.warn("event=sse_unreadable reason={}", e.getMessage());
        }
    }

    @Override
    public void onClosed(EventSource eventSource) {
        if (finished.compareAndSet(false, true)) {
            listener.failed(new IOException("The server closed the event stream"));
        }
    }

    @Override
    public void onFailure(EventSource eventSource, Throwable error, Response response) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        if (response != null && !response.isSuccessful()) {
            listener.failed(HttpCalls.failure(eventSource.request(), response, json));
        } else if (error instanceof Exception e) {
            listener.failed(e);
        } else {
            listener.failed(new IOException("The event stream failed", error));
        }
    }

    /** Stops the stream without reporting a failure: the studio asked for it. */
    @Override
    public void close() {
        finished.set(true);
        source.cancel();
    }
}
