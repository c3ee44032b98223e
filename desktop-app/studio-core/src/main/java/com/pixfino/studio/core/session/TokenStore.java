package com.pixfino.studio.core.session;

import java.io.IOException;
import java.util.Optional;

/** Keeps one sign-in token per server. Blocking (keychain or disk): call off the UI thread. */
public interface TokenStore {

    Optional<String> read(String server) throws IOException;

    void write(String server, String token) throws IOException;

    void delete(String server) throws IOException;
}
