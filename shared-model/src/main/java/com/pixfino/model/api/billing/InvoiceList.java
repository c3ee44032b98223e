package com.pixfino.model.api.billing;

import java.util.List;

/** {@code GET /api/v1/billing/invoices}, newest first; empty for a user without a Stripe customer. */
public record InvoiceList(List<InvoiceView> items) {}
