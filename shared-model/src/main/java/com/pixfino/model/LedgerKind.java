package com.pixfino.model;

/** Why a credit ledger row exists. Debits carry a negative amount, all others a positive one. */
public enum LedgerKind {
    GRANT,
    PURCHASE,
    DEBIT,
    REFUND,
    ADJUSTMENT,
    EXPIRY
}
