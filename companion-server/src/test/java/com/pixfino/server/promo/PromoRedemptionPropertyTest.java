package com.pixfino.server.promo;

import static com.pixfino.server.db.jooq.Tables.CREDIT_LEDGER;
import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.api.promo.PromoCodeRequest;
import com.pixfino.model.api.promo.PromoCodeView;
import com.pixfino.model.api.promo.RedeemView;
import com.pixfino.server.credits.CreditLedger;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.testsupport.TestServices;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jooq.DSLContext;

/**
 * Random crowds redeeming one code at once against the real database (jqwik prints the seed of a failing try): the
 * grants are exactly min(accounts, maxRedemptions), no account is granted twice however often it races itself, every
 * refusal is used_up or already_redeemed, the code's count and the ledger's promo rows agree, and every balance still
 * equals its ledger sum.
 */
class PromoRedemptionPropertyTest {

    private static final int ACCOUNTS = 14;
    private static final AtomicInteger CODES = new AtomicInteger();

    private static TestServices graph;
    private static PromoCodes promo;
    private static CreditLedger ledger;
    private static DSLContext dsl;
    private static List<UUID> accounts;

    @BeforeContainer
    static void start() {
        graph = TestServices.fresh(queue -> TestServices.idleQueue());
        promo = graph.services().promoCodes();
        ledger = graph.services().ledger();
        dsl = graph.database().dsl();
        accounts = new ArrayList<>();
        // every try redeems a new code, so the same accounts serve them all
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.add(graph.userWithCredits(5));
        }
    }

    @AfterContainer
    static void stop() {
        graph.close();
    }

    @Property(tries = 15)
    void concurrentRedemptionsGrantExactlyTheAllowedAmount(
            @ForAll @IntRange(min = 1, max = ACCOUNTS) int crowd,
            @ForAll @IntRange(min = 1, max = 10) int maxRedemptions,
            @ForAll @IntRange(min = 1, max = 3) int attemptsEach,
            @ForAll @IntRange(min = 1, max = 10_000) int credits,
            @ForAll long shuffleSeed)
            throws Exception {
        String code = "PROP-" + CODES.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 6);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        promo.create(
                UUID.randomUUID(),
                new PromoCodeRequest(code, credits, maxRedemptions, now.minusMinutes(1), now.plusDays(1)));
        List<UUID> racers = accounts.subList(0, crowd);
        Map<UUID, Integer> before = new HashMap<>();
        racers.forEach(id -> before.put(id, ledger.balance(id)));
        List<UUID> attempts = new ArrayList<>();
        for (UUID id : racers) {
            for (int i = 0; i < attemptsEach; i++) {
                attempts.add(id);
            }
        }
        Collections.shuffle(attempts, new Random(shuffleSeed));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Object>> outcomes = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (UUID id : attempts) {
                outcomes.add(pool.submit(() -> {
                    go.await();
                    try {
                        return promo.redeem(id, code.toLowerCase(java.util.Locale.ROOT));
                    } catch (DomainException e) {
                        return e.code();
                    }
                }));
            }
            go.countDown();
            List<UUID> granted = new ArrayList<>();
            Map<String, Integer> refusals = new HashMap<>();
            for (int i = 0; i < outcomes.size(); i++) {
                Object outcome = outcomes.get(i).get();
                if (outcome instanceof RedeemView view) {
                    assertThat(view.granted()).isEqualTo(credits);
                    granted.add(attempts.get(i));
                } else {
                    refusals.merge((String) outcome, 1, Integer::sum);
                }
            }
            assertThat(granted).hasSize(Math.min(crowd, maxRedemptions)).doesNotHaveDuplicates();
            assertThat(refusals.keySet()).isSubsetOf("used_up", "already_redeemed");
            PromoCodeView view = promo.list().items().stream()
                    .filter(v -> v.code().equalsIgnoreCase(code))
                    .findFirst()
                    .orElseThrow();
            assertThat(view.redemptions()).isEqualTo(granted.size());
            assertThat(dsl.fetchCount(CREDIT_LEDGER, CREDIT_LEDGER.REFERENCE.startsWith("promo:" + view.code() + ":")))
                    .isEqualTo(granted.size());
            for (UUID id : racers) {
                int expected = before.get(id) + (granted.contains(id) ? credits : 0);
                assertThat(ledger.balance(id)).isEqualTo(expected).isEqualTo(ledger.ledgerSum(id));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
