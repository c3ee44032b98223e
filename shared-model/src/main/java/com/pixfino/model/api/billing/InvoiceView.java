package com.pixfino.model.api.billing;

import java.time.Instant;

/** One Stripe invoice of the user; {@code amountUsd} is decimal USD as text, {@code status} Stripe's own word. */
public record InvoiceView(String id, Instant createdAt, String amountUsd, String status, String hostedInvoiceUrl) {}
