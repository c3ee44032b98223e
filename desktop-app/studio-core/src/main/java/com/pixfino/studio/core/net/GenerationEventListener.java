package com.pixfino.studio.core.net;

import com.pixfino.model.api.GenerationEvent;
import com.pixfino.model.api.billing.BalanceEvent;
import com.pixfino.model.api.library.LibraryEvent;

/** Callbacks of the server's event stream; they arrive on a network thread. */
public interface GenerationEventListener {

    void opened();

    void event(GenerationEvent event);

    /** The balance changed (a charge, a refund, a payment, a grant); listeners that do not care ignore it. */
    default void balance(BalanceEvent event) {}

    /** The library changed on the server (here or on another device): pull the change feed. */
    default void library(LibraryEvent event) {}

    /** The stream ended or could not start; a {@link CompanionApiException} says the server refused it. */
    void failed(Exception error);
}
