package com.pixfino.server.providers;

/** The provider's circuit breaker is open: it failed repeatedly and is not called for a while. */
public class ProviderUnavailableException extends ProviderException {
    public ProviderUnavailableException(String provider) {
        super(
                "provider_unavailable",
                "The " + provider + " service is failing right now and is paused for a minute.",
                true,
                null,
                null);
    }
}
