package com.pixfino.studio.core.admin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.pixfino.studio.core.net.ApiRequests;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** {@link GrowthApi} over HTTP, on the signed-in client's connection pool and token. */
final class GrowthClient implements GrowthApi {

    static final String PROMO_CODES = "/api/v1/admin/promo-codes";
    static final String SETTINGS = "/api/v1/admin/settings";

    private final ApiRequests calls;

    GrowthClient(ApiRequests calls) {
        this.calls = calls;
    }

    record Items(List<PromoCode> items) {}

    @Override
    public List<PromoCode> promoCodes() throws IOException {
        Items page = calls.get(PROMO_CODES, Map.of(), new TypeReference<Items>() {});
        return page.items() == null ? List.of() : page.items();
    }

    @Override
    public PromoCode create(NewPromoCode code) throws IOException {
        return calls.send("POST", PROMO_CODES, code, PromoCode.class);
    }

    @Override
    public PromoCode expire(String code) throws IOException {
        // a code is letters, digits, '-' and '_', but an old one or a typo must not break the path
        String segment = URLEncoder.encode(code, StandardCharsets.UTF_8).replace("+", "%20");
        return calls.send("POST", PROMO_CODES + "/" + segment + "/expire", Map.of(), PromoCode.class);
    }

    @Override
    public GrowthSettings settings() throws IOException {
        return calls.get(SETTINGS, Map.of(), new TypeReference<GrowthSettings>() {});
    }

    @Override
    public GrowthSettings save(GrowthSettings settings) throws IOException {
        return calls.send("PUT", SETTINGS, settings, GrowthSettings.class);
    }
}
