package com.pixfino.studio.core.concurrent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The studio's only source of threads: named daemons whose uncaught exceptions are logged, so a dying
 * background thread is never silent and never keeps the JVM alive on exit.
 */
public final class NamedThreads implements ThreadFactory {

    private static final Logger LOG = LoggerFactory.getLogger(NamedThreads.class);

    private final String name;
    private final AtomicInteger counter = new AtomicInteger();

    public NamedThreads(String name) {
        this.name = name;
    }

    @Override
    public Thread newThread(Runnable runnable) {
        Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> LOG.error("event=uncaught_exception thread={}", t.getName(), e));
        return thread;
    }

    /** A one-off thread that is not a daemon: the JVM waits for it (closing on exit, a shutdown hook). */
    public static Thread unstarted(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setUncaughtExceptionHandler((t, e) -> LOG.error("event=uncaught_exception thread={}", t.getName(), e));
        return thread;
    }

    public static ExecutorService pool(String name, int threads) {
        return Executors.newFixedThreadPool(threads, new NamedThreads(name));
    }

    public static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(new NamedThreads(name));
    }

    public static ScheduledExecutorService timer(String name) {
        return Executors.newSingleThreadScheduledExecutor(new NamedThreads(name));
    }
}
