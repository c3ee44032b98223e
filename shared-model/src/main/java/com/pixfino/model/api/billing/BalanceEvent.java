package com.pixfino.model.api.billing;

/**
 * A {@code balance} event on {@code GET /events}: the user's balance after a change, and why it changed
 * (the ledger kind in lower case, e.g. "purchase", "grant", "debit", "refund", "adjustment").
 */
public record BalanceEvent(int credits, String reason) {}
