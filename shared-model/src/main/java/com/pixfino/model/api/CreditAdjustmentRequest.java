package com.pixfino.model.api;

/** Admin adjustment of a user's balance; {@code amount} may be negative. */
public record CreditAdjustmentRequest(Integer amount, String reason) {}
