package com.pixfino.server.concurrent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every thread the server starts itself comes from here: named {@code <name>-<n>} so a thread dump
 * says what it is, daemon so it never holds the JVM open, and whatever escapes its task is logged
 * instead of vanishing on stderr. The pools it makes are owned by whoever asked and shut down by them.
 */
public final class ServerThreads implements ThreadFactory {

    private static final Logger log = LoggerFactory.getLogger(ServerThreads.class);

    private final String name;
    private final AtomicInteger counter = new AtomicInteger();

    private ServerThreads(String name) {
        this.name = name;
    }

    public static ServerThreads named(String name) {
        return new ServerThreads(name);
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, name + "-" + counter.incrementAndGet());
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler(ServerThreads::logUncaught);
        return thread;
    }

    /** Grows with demand and lets idle threads go: for calls that mostly wait on the network. */
    public ExecutorService cachedPool() {
        return Executors.newCachedThreadPool(this);
    }

    /** At most {@code threads} at once, the rest queued: for calls that may hang until their timeout. */
    public ExecutorService fixedPool(int threads) {
        return Executors.newFixedThreadPool(threads, this);
    }

    /** One thread running timed, repeating tasks in turn. */
    public ScheduledExecutorService singleScheduler() {
        return Executors.newSingleThreadScheduledExecutor(this);
    }

    private static void logUncaught(Thread thread, Throwable error) {
        log.error("event=uncaught_exception thread={}", thread.getName(), error);
    }
}
