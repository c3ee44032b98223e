package com.pixfino.model.api.billing;

/** A Stripe Checkout session to open in the browser. */
public record CheckoutView(String sessionId, String url) {}
