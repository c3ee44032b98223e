package com.pixfino.cli;

/**
 * Ctrl+C (SIGINT, or SIGTERM) during a batch. The process's implementation is a shutdown hook: the JVM is already
 * on its way out, so the hook does the clean stop itself and ends the process with the batch's exit code.
 */
public interface Interrupts {

    /**
     * Until {@link Registration#close()}, an interrupt runs {@code onInterrupt}, which stops the work and returns the
     * exit code to end the process with.
     */
    Registration register(Handler onInterrupt);

    @FunctionalInterface
    interface Handler {
        int interrupted();
    }

    @FunctionalInterface
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    static Interrupts shutdownHook() {
        return handler -> {
            Thread hook = new Thread(
                    () -> {
                        int code = ExitCode.ITEMS_LEFT;
                        try {
                            code = handler.interrupted();
                        } catch (RuntimeException e) {
                            System.err.println("The batch could not stop cleanly: " + e.getMessage()
                                    + ". Run the same command again: finished items are kept and not paid twice.");
                        }
                        System.out.flush();
                        System.err.flush();
                        // the JVM would exit with 130 after a signal: the batch's own code tells scripts what is left
                        Runtime.getRuntime().halt(code);
                    },
                    "pixfino-interrupt");
            Runtime.getRuntime().addShutdownHook(hook);
            return () -> {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running already and ends the process itself
                }
            };
        };
    }
}
