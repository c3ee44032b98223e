package com.pixfino.model.api;

import com.pixfino.model.LedgerKind;
import java.time.OffsetDateTime;

/** One row of the credit ledger. */
public record LedgerEntryView(
        long id,
        LedgerKind kind,
        int amount,
        int balanceAfter,
        String reason,
        String reference,
        OffsetDateTime createdAt) {}
