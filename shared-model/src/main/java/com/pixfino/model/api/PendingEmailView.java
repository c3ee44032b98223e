package com.pixfino.model.api;

/** The answer to a change of address: the new address waits for its link to be opened. */
public record PendingEmailView(String pendingEmail) {}
