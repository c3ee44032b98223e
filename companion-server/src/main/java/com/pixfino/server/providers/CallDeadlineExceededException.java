package com.pixfino.server.providers;

/** A provider call ran out of the generation's time: it is final, there is nothing left to retry with. */
public class CallDeadlineExceededException extends ProviderException {

    private final String provider;

    public CallDeadlineExceededException(String provider, String operation) {
        super(
                "deadline_exceeded",
                "The " + provider + " service did not answer " + operation + " before the generation's deadline.",
                false,
                null,
                null);
        this.provider = provider;
    }

    /** The provider's name. */
    public String provider() {
        return provider;
    }
}
