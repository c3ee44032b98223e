package com.pixfino.server.referrals;

import static com.pixfino.server.db.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.server.testsupport.TestServices;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The referral events of one referee delivered in random orders by several threads at once, twice and more (the mailed
 * link opened again, the verification hook redelivered, several generations completing, verification and completion
 * racing): each side gets exactly its one reward when both conditions held and rewards were on, nothing otherwise, and
 * every balance equals its ledger sum. And a referrer's monthly cap holds when its referees finish at the same moment.
 * jqwik prints the seed of a failing try.
 */
class ReferralRewardProperties {

    private static TestServices graph;
    private static ReferralWorld world;

    enum Event {
        /** The mailed link opened (only the first opening verifies). */
        VERIFY,
        /** The verification event delivered again. */
        VERIFY_AGAIN,
        /** A generation of the referee's completes. */
        COMPLETE
    }

    @BeforeContainer
    static void start() {
        // not started: no job runs, the property drives every status change itself
        graph = TestServices.fresh(queue -> TestServices.idleQueue());
        world = new ReferralWorld(graph);
    }

    @AfterContainer
    static void stop() {
        graph.close();
    }

    @Provide
    Arbitrary<List<List<Event>>> threads() {
        return Arbitraries.of(Event.class)
                .list()
                .ofMinSize(1)
                .ofMaxSize(4)
                .list()
                .ofMinSize(2)
                .ofMaxSize(4);
    }

    @Property(tries = 15)
    void eachSideIsRewardedExactlyOnceWhateverTheOrderAndRepetitionOfEvents(
            @ForAll("threads") List<List<Event>> threads,
            @ForAll boolean enabled,
            @ForAll boolean referrerVerified,
            @ForAll @IntRange(min = 1, max = 50) int credits)
            throws Exception {
        world.settings(enabled, credits, 20);
        UUID referrer = world.register(null);
        if (referrerVerified) {
            world.markVerified(referrer);
        }
        UUID referee = world.register(world.codeOf(referrer));
        UUID upload = world.upload(referee);
        // the generations are paid for and running before the race: the race is only the two kinds of event
        List<List<UUID>> generations = new ArrayList<>();
        for (List<Event> script : threads) {
            List<UUID> mine = new ArrayList<>();
            for (Event event : script) {
                if (event == Event.COMPLETE) {
                    mine.add(world.runningGeneration(referee, upload));
                }
            }
            generations.add(mine);
        }
        AtomicBoolean verified = new AtomicBoolean();
        AtomicBoolean completed = new AtomicBoolean();
        CyclicBarrier start = new CyclicBarrier(threads.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads.size());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads.size(); t++) {
                List<Event> script = threads.get(t);
                List<UUID> mine = generations.get(t);
                runs.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    int next = 0;
                    for (Event event : script) {
                        switch (event) {
                            case VERIFY -> {
                                if (world.verify(referee)) {
                                    verified.set(true);
                                }
                            }
                            case VERIFY_AGAIN -> world.verifiedAgain(referee);
                            case COMPLETE -> {
                                if (world.complete(mine.get(next++))) {
                                    completed.set(true);
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        boolean earned = enabled && verified.get() && completed.get();
        assertThat(world.grants(referee, "referee"))
                .as("the referee's referral grants (count, credits)")
                .containsExactly(earned ? 1 : 0, earned ? credits : 0);
        assertThat(world.grants(referrer, "referrer"))
                .as("the referrer's referral grants (count, credits)")
                .containsExactly(earned && referrerVerified ? 1 : 0, earned && referrerVerified ? credits : 0);
        String expectedState = !verified.get() || !completed.get() ? "PENDING" : enabled ? "REWARDED" : "OFF";
        assertThat(world.state(referee)).isEqualTo(expectedState);
        assertThat(world.balanced(referee)).as("referee balance = ledger sum").isTrue();
        assertThat(world.balanced(referrer)).as("referrer balance = ledger sum").isTrue();
    }

    @Example
    void aPasswordResetOrAnEmailChangeVerifiesTheAddressAndSettlesTheReferralAsWell() {
        world.settings(true, 5, 20);
        UUID referrer = world.register(null);
        world.markVerified(referrer);
        String code = world.codeOf(referrer);

        UUID resetting = world.register(code);
        assertThat(world.complete(world.runningGeneration(resetting, world.upload(resetting))))
                .isTrue();
        assertThat(world.state(resetting)).as("not verified yet").isEqualTo("PENDING");
        world.resetPassword(resetting);
        assertThat(world.state(resetting)).isEqualTo("REWARDED");
        assertThat(world.grants(resetting, "referee")).containsExactly(1, 5);

        UUID moving = world.register(code);
        assertThat(world.complete(world.runningGeneration(moving, world.upload(moving))))
                .isTrue();
        world.changeEmail(moving, "moved-" + UUID.randomUUID() + "@pixfino.test");
        assertThat(world.state(moving)).isEqualTo("REWARDED");
        assertThat(world.grants(moving, "referee")).containsExactly(1, 5);
        assertThat(world.grants(referrer, "referrer")).containsExactly(2, 10);
        assertThat(world.balanced(referrer)).isTrue();
    }

    @Example
    void twentyOneRefereesFinishingAtOnceRewardExactlyTheMonthlyCapOfTwenty() throws Exception {
        int credits = 5;
        world.settings(true, credits, 20);
        UUID referrer = world.register(null);
        world.markVerified(referrer);
        String code = world.codeOf(referrer);
        List<UUID> referees = new ArrayList<>();
        List<UUID> running = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            UUID referee = world.register(code);
            assertThat(world.verify(referee)).isTrue();
            referees.add(referee);
            running.add(world.runningGeneration(referee, world.upload(referee)));
        }
        CyclicBarrier start = new CyclicBarrier(running.size());
        ExecutorService pool = Executors.newFixedThreadPool(running.size());
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (UUID generation : running) {
                runs.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return world.complete(generation);
                }));
            }
            for (Future<Boolean> run : runs) {
                assertThat(run.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(world.grants(referrer, "referrer")).containsExactly(20, 20 * credits);
        long rewarded =
                referees.stream().filter(r -> world.state(r).equals("REWARDED")).count();
        long capped =
                referees.stream().filter(r -> world.state(r).equals("CAPPED")).count();
        assertThat(rewarded).isEqualTo(20);
        assertThat(capped).as("beyond the cap: neither side").isEqualTo(1);
        for (UUID referee : referees) {
            boolean wasRewarded = world.state(referee).equals("REWARDED");
            assertThat(world.grants(referee, "referee"))
                    .containsExactly(wasRewarded ? 1 : 0, wasRewarded ? credits : 0);
            assertThat(world.balanced(referee)).isTrue();
        }
        assertThat(world.balanced(referrer)).isTrue();
        // every account of the graph, not only these
        for (UUID user : world.db().select(USERS.ID).from(USERS).fetch(USERS.ID)) {
            assertThat(world.balanced(user))
                    .as("balance = ledger sum for " + user)
                    .isTrue();
        }
    }
}
