package com.pixfino.server.testsupport.stripe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link FakeStripe} as its own process for process-level tests: {@code FakeStripeMain <port file> [webhook url]}.
 * The port is written to the file (atomically) once it listens; {@code POST /_fake/checkout/{id}/complete} then pays a
 * session and delivers its signed events to the webhook URL (also settable with {@code POST /_fake/webhook}). It runs
 * until the process is stopped.
 */
public final class FakeStripeMain {

    private FakeStripeMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: FakeStripeMain <port file> [webhook url]");
        }
        FakeStripe stripe = new FakeStripe();
        if (args.length > 1) {
            stripe.webhookUrl(args[1]);
        }
        Path portFile = Path.of(args[0]);
        Path temporary = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(temporary, Integer.toString(stripe.uri().getPort()));
        Files.move(temporary, portFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stripe.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
