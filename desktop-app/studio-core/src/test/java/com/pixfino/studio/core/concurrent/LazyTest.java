package com.pixfino.studio.core.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {

    @Test
    void nothingIsMadeUntilAsked() {
        AtomicInteger made = new AtomicInteger();
        Lazy<String> lazy = Lazy.of(() -> "client " + made.incrementAndGet());

        assertThat(lazy.ifMade()).isEmpty();
        assertThat(made).hasValue(0);
        assertThat(lazy.get()).isEqualTo("client 1");
        assertThat(lazy.get()).isEqualTo("client 1");
        assertThat(lazy.ifMade()).contains("client 1");
        assertThat(made).hasValue(1);
    }

    @Test
    void threadsAskingAtOnceGetTheOneValueMadeOnce() throws Exception {
        AtomicInteger made = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        Lazy<Object> lazy = Lazy.of(() -> {
            made.incrementAndGet();
            return new Object();
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Object>> askers = Collections.nCopies(8, () -> {
                start.await();
                return lazy.get();
            });
            List<Future<Object>> answers = askers.stream().map(pool::submit).toList();
            start.countDown();
            Object first = answers.get(0).get(10, TimeUnit.SECONDS);
            for (Future<Object> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(made).hasValue(1);
    }
}
