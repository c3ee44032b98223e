package com.pixfino.studio.core.admin;

import java.io.IOException;
import java.util.List;

/**
 * What the admin mode's growth screen asks of the server: promo codes and the referral and launch-promo settings.
 * Blocking: run it through the TaskExecutor. A refusal is a {@code CompanionApiException} with the server's sentence.
 */
public interface GrowthApi {

    /** Every promo code, newest first, with live redemption counts. */
    List<PromoCode> promoCodes() throws IOException;

    /** Refused with 409 {@code code_taken} when the code exists already (in any case). */
    PromoCode create(NewPromoCode code) throws IOException;

    /** Ends the code's window now. */
    PromoCode expire(String code) throws IOException;

    GrowthSettings settings() throws IOException;

    /** Stores all five settings; answers them as stored. */
    GrowthSettings save(GrowthSettings settings) throws IOException;
}
