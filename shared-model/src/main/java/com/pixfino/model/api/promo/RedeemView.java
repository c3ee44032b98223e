package com.pixfino.model.api.promo;

/** A redemption that went through: the code (upper-case), the credits it granted and the balance after it. */
public record RedeemView(String code, int granted, int credits) {}
