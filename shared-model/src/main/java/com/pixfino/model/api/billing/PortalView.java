package com.pixfino.model.api.billing;

/** A Stripe billing portal session to open in the browser. */
public record PortalView(String url) {}
