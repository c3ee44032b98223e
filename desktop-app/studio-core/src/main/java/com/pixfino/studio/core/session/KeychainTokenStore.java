package com.pixfino.studio.core.session;

import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import com.pixfino.studio.core.concurrent.NamedThreads;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tokens in the OS keychain (Secret Service, macOS Keychain, Windows Credential Manager) through java-keyring.
 * Every call has a time limit: a locked keyring can wait forever on a password prompt nobody sees.
 */
public final class KeychainTokenStore implements TokenStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KeychainTokenStore.class);
    private static final String SERVICE = "Pixfino Studio";
    private static final Duration TIME_LIMIT = Duration.ofSeconds(5);

    private final Keyring keyring;
    private final ExecutorService caller;
    private final UiThreadGuard guard;

    private KeychainTokenStore(Keyring keyring, ExecutorService caller, UiThreadGuard guard) {
        this.keyring = keyring;
        this.caller = caller;
        this.guard = guard;
    }

    /** The keychain, or empty when this system has none the library can use (typical on a headless Linux). */
    public static Optional<KeychainTokenStore> open(UiThreadGuard guard) {
        ExecutorService caller = NamedThreads.single("keychain");
        try {
            Keyring keyring = caller.submit((Callable<Keyring>) Keyring::create)
                    .get(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.of(new KeychainTokenStore(keyring, caller, guard));
        } catch (ExecutionException | TimeoutException e) {
            LOG.info(
                    "event=keychain_unavailable reason={}",
                    e.getCause() != null ? e.getCause().getMessage() : "timeout");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (LinkageError e) {
            LOG.info("event=keychain_unavailable reason={}", e.toString());
        }
        caller.shutdownNow();
        return Optional.empty();
    }

    @Override
    public Optional<String> read(String server) throws IOException {
        return call(() -> {
            try {
                return Optional.ofNullable(keyring.getPassword(SERVICE, server));
            } catch (PasswordAccessException e) {
                return Optional.<String>empty(); // no entry for this server yet
            }
        });
    }

    @Override
    public void write(String server, String token) throws IOException {
        call(() -> {
            keyring.setPassword(SERVICE, server, token);
            return null;
        });
    }

    @Override
    public void delete(String server) throws IOException {
        call(() -> {
            try {
                keyring.deletePassword(SERVICE, server);
            } catch (PasswordAccessException e) {
                // nothing stored: nothing to delete
            }
            return null;
        });
    }

    private <T> T call(Callable<T> work) throws IOException {
        guard.refuse("KeychainTokenStore");
        Future<T> future = caller.submit(work);
        try {
            return future.get(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException("The keychain refused: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IOException("The keychain did not answer within " + TIME_LIMIT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the keychain", e);
        }
    }

    @Override
    public void close() {
        caller.shutdownNow();
    }
}
