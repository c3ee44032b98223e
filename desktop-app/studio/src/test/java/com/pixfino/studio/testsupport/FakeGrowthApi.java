package com.pixfino.studio.testsupport;

import com.pixfino.studio.core.admin.GrowthApi;
import com.pixfino.studio.core.admin.GrowthSettings;
import com.pixfino.studio.core.admin.NewPromoCode;
import com.pixfino.studio.core.admin.PromoCode;
import com.pixfino.studio.core.net.CompanionApiException;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The growth routes as the pinned contract describes them, in memory, with a record of what was asked. */
public final class FakeGrowthApi implements GrowthApi {

    private final Clock clock;
    public final List<PromoCode> codes = new ArrayList<>();
    public final List<NewPromoCode> created = new ArrayList<>();
    public final List<GrowthSettings> saved = new ArrayList<>();
    public GrowthSettings settings = new GrowthSettings(false, 5, 20, null, null);
    /** Thrown by the next call instead of answering, then forgotten. */
    public IOException failure;

    public FakeGrowthApi(Clock clock) {
        this.clock = clock;
    }

    public static PromoCode code(String code, int used, int max, PromoCode.Status status) {
        Instant from = Instant.parse("2026-11-28T10:00:00Z");
        return new PromoCode(code, 10, max, used, from, from.plusSeconds(48 * 3600), status, from);
    }

    @Override
    public List<PromoCode> promoCodes() throws IOException {
        fail();
        return List.copyOf(codes);
    }

    @Override
    public PromoCode create(NewPromoCode code) throws IOException {
        fail();
        created.add(code);
        String upper = code.code().toUpperCase(Locale.ROOT);
        if (codes.stream().anyMatch(c -> c.code().equals(upper))) {
            throw new CompanionApiException(409, "code_taken", "A promo code " + upper + " exists already.");
        }
        Instant now = clock.instant();
        PromoCode answer = new PromoCode(
                upper,
                code.credits(),
                code.maxRedemptions(),
                0,
                code.validFrom(),
                code.validTo(),
                code.validFrom().isAfter(now) ? PromoCode.Status.SCHEDULED : PromoCode.Status.ACTIVE,
                now);
        codes.add(0, answer);
        return answer;
    }

    @Override
    public PromoCode expire(String code) throws IOException {
        fail();
        for (int i = 0; i < codes.size(); i++) {
            PromoCode c = codes.get(i);
            if (c.code().equalsIgnoreCase(code)) {
                PromoCode expired = new PromoCode(
                        c.code(),
                        c.credits(),
                        c.maxRedemptions(),
                        c.redemptions(),
                        c.validFrom(),
                        clock.instant(),
                        PromoCode.Status.EXPIRED,
                        c.createdAt());
                codes.set(i, expired);
                return expired;
            }
        }
        throw new CompanionApiException(404, "not_found", "No such promo code.");
    }

    @Override
    public GrowthSettings settings() throws IOException {
        fail();
        return settings;
    }

    @Override
    public GrowthSettings save(GrowthSettings wanted) throws IOException {
        fail();
        saved.add(wanted);
        settings = wanted;
        return wanted;
    }

    private void fail() throws IOException {
        IOException now = failure;
        failure = null;
        if (now != null) {
            throw now;
        }
    }
}
