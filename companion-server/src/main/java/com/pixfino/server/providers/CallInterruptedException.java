package com.pixfino.server.providers;

/**
 * A provider call whose job thread was interrupted: the server is stopping. Not a {@link ProviderException}, so no
 * retry, breaker or failed generation follows; the job queue hands the job back for another server to run.
 */
public final class CallInterruptedException extends RuntimeException {

    public CallInterruptedException(String provider) {
        super("The call to " + provider + " was interrupted: the server is stopping.");
    }
}
