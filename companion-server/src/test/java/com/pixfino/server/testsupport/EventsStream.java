package com.pixfino.server.testsupport;

import com.pixfino.model.ApiPaths;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/** A user's open {@code GET /events} stream (Server-Sent Events), read line by line as a test needs it. */
public final class EventsStream implements AutoCloseable {

    /** One data line as it arrived, with the name of the event it belongs to (the last {@code event:} line seen). */
    public record Event(String name, String data) {}

    private static final OkHttpClient STREAMING =
            new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();

    private final Response response;
    private final BufferedReader reader;
    private String eventName;

    private EventsStream(Response response) {
        this.response = response;
        this.reader = new BufferedReader(new InputStreamReader(response.body().byteStream(), StandardCharsets.UTF_8));
    }

    /** Opens the stream as {@code user} (asking for {@code text/event-stream}); the caller checks the answer. */
    public static EventsStream open(ApiClient user) {
        try {
            return new EventsStream(STREAMING
                    .newCall(user.request(ApiPaths.EVENTS)
                            .header("Accept", "text/event-stream")
                            .build())
                    .execute());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response response() {
        return response;
    }

    public String readLine() throws IOException {
        return reader.readLine();
    }

    /** The next data line that arrives before {@code deadlineNanos} ({@link System#nanoTime}), or null after it. */
    public Event next(long deadlineNanos) throws IOException {
        while (System.nanoTime() < deadlineNanos) {
            String line = reader.readLine();
            if (line != null && line.startsWith("event:")) {
                eventName = line.substring(6).trim();
            } else if (line != null && line.startsWith("data:")) {
                return new Event(eventName, line.substring(5).trim());
            }
        }
        return null;
    }

    /** The data of the first event named {@code name} within {@code timeout}, or null when none arrives. */
    public String awaitData(String name, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Event event = next(deadline); event != null; event = next(deadline)) {
            if (name.equals(event.name())) {
                return event.data();
            }
        }
        return null;
    }

    @Override
    public void close() {
        response.close();
    }
}
