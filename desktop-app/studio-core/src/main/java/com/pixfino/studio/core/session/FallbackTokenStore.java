package com.pixfino.studio.core.session;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keychain when there is one and it answers, else the 0600 file. A token saved in the keychain is
 * removed from the file, so it never lives in both places.
 */
public final class FallbackTokenStore implements TokenStore {

    private static final Logger LOG = LoggerFactory.getLogger(FallbackTokenStore.class);

    private final Supplier<Optional<TokenStore>> keychain;
    private final TokenStore file;

    public FallbackTokenStore(Optional<TokenStore> keychain, TokenStore file) {
        this(() -> keychain, file);
    }

    /**
     * {@code keychain}: asked at each call, so it can be opened by the first one (the studio opens the OS keychain
     * lazily: finding out that there is none can take seconds, and the window need not wait for it).
     */
    public FallbackTokenStore(Supplier<Optional<TokenStore>> keychain, TokenStore file) {
        this.keychain = keychain;
        this.file = file;
    }

    @Override
    public Optional<String> read(String server) throws IOException {
        Optional<TokenStore> keychain = this.keychain.get();
        if (keychain.isPresent()) {
            try {
                Optional<String> token = keychain.get().read(server);
                if (token.isPresent()) {
                    return token;
                }
            } catch (IOException e) {
                LOG.warn("event=keychain_read_failed reason={} action=use_file", e.getMessage());
            }
        }
        return file.read(server);
    }

    @Override
    public void write(String server, String token) throws IOException {
        Optional<TokenStore> keychain = this.keychain.get();
        if (keychain.isPresent()) {
            try {
                keychain.get().write(server, token);
                file.delete(server);
                return;
            } catch (IOException e) {
                LOG.warn("event=keychain_write_failed reason={} action=use_file", e.getMessage());
            }
        }
        file.write(server, token);
    }

    @Override
    public void delete(String server) throws IOException {
        Optional<TokenStore> keychain = this.keychain.get();
        if (keychain.isPresent()) {
            try {
                keychain.get().delete(server);
            } catch (IOException e) {
                LOG.warn("event=keychain_delete_failed reason={}", e.getMessage());
            }
        }
        file.delete(server);
    }
}
