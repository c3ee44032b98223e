package com.pixfino.studio.core.connection;

import com.pixfino.studio.core.companion.LocalCompanion;
import com.pixfino.studio.core.companion.StartResult;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionHttpException;
import com.pixfino.studio.core.net.HealthStatus;
import com.pixfino.studio.core.net.ServerUrl;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Optional;

/** Turns health answers, failures and start results into sentences that say what to do next. */
public final class ConnectionMessages {

    private final Messages messages;

    public ConnectionMessages(Messages messages) {
        this.messages = messages;
    }

    public String notChecked() {
        return messages.get("connection.status.notChecked");
    }

    public String checking(ServerUrl url) {
        return messages.get("connection.status.checking", url.toString());
    }

    public String starting() {
        return messages.get("connection.status.starting");
    }

    public String invalidUrl(String text) {
        return messages.get("connection.status.invalidUrl", text == null ? "" : text.strip());
    }

    public String health(ServerUrl url, HealthStatus health) {
        return health.isOk()
                ? messages.get("connection.status.connected", String.valueOf(health.database()))
                : messages.get("connection.status.degraded", url.toString(), String.valueOf(health.database()));
    }

    /** {@code hint} replaces the generic "start it with…" advice when the studio knows better. */
    public String failure(ServerUrl url, Exception error, Optional<String> hint) {
        if (error instanceof CompanionHttpException http) {
            return messages.get("connection.status.unexpected", url.toString(), http.getMessage());
        }
        String advice = hint.orElseGet(() -> messages.get("connection.hint.default"));
        return messages.get("connection.status.offline", url.toString(), reason(url, error), advice);
    }

    public Optional<String> startHint(StartResult result, LocalCompanion companion) {
        String log = companion.logFile().toString();
        return switch (result.outcome()) {
            case STARTED, NOT_NEEDED -> Optional.empty();
            case JAR_MISSING -> Optional.of(messages.get("connection.hint.jarMissing", result.detail()));
            case LAUNCH_FAILED -> Optional.of(messages.get("connection.hint.launchFailed", result.detail()));
            case EXITED -> Optional.of(messages.get("connection.hint.exited", result.detail(), log));
            case TIMED_OUT ->
                Optional.of(messages.get(
                        "connection.hint.timedOut",
                        Long.toString(companion.startTimeout().toSeconds()),
                        log));
        };
    }

    public Optional<String> jarMissingHint(LocalCompanion companion) {
        return companion.jar().map(jar -> messages.get("connection.hint.jarMissing", jar.toString()));
    }

    private String reason(ServerUrl url, Exception error) {
        if (hasCause(error, ConnectException.class)) {
            return messages.get("connection.reason.refused");
        }
        if (hasCause(error, UnknownHostException.class)) {
            return messages.get("connection.reason.unknownHost", url.url().host());
        }
        if (hasCause(error, InterruptedIOException.class)) {
            return messages.get("connection.reason.timeout");
        }
        String detail = error.getMessage() != null
                ? error.getMessage()
                : error.getClass().getSimpleName();
        return messages.get("connection.reason.other", detail);
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
