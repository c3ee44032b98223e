package com.pixfino.studio.core.net;

import com.pixfino.studio.core.i18n.Messages;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;

/** One sentence for any failed server call: the server's own words, or what went wrong on the way and what to do. */
public final class FailureMessages {

    private final Messages messages;

    public FailureMessages(Messages messages) {
        this.messages = messages;
    }

    public String describe(Exception error) {
        if (error instanceof CompanionApiException api) {
            return api.getMessage();
        }
        if (error instanceof CompanionHttpException http) {
            return messages.get("failure.unexpected", http.getMessage());
        }
        if (isNetwork(error)) {
            return messages.get("failure.network", reason(error));
        }
        String detail = error.getMessage() != null
                ? error.getMessage()
                : error.getClass().getSimpleName();
        return messages.get("failure.other", detail);
    }

    /**
     * The server could not be reached or the line broke (as opposed to the server answering with a refusal).
     * Every HTTP answer becomes a {@link CompanionHttpException}, so any other I/O failure of a call is the network.
     */
    public static boolean isNetwork(Exception error) {
        return error instanceof IOException && !(error instanceof CompanionHttpException);
    }

    private String reason(Exception error) {
        if (hasCause(error, ConnectException.class)) {
            return messages.get("connection.reason.refused");
        }
        if (hasCause(error, InterruptedIOException.class)) {
            return messages.get("connection.reason.timeout");
        }
        if (hasCause(error, UnknownHostException.class)) {
            return messages.get("connection.reason.unknownHost", String.valueOf(error.getMessage()));
        }
        return messages.get("connection.reason.other", String.valueOf(error.getMessage()));
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
