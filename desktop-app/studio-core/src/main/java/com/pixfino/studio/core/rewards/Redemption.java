package com.pixfino.studio.core.rewards;

/** {@code POST /api/v1/credits/redeem}'s answer: the code as stored, the credits it gave and the balance now. */
public record Redemption(String code, int granted, int credits) {}
