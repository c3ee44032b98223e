package com.pixfino.server.notifications;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where links in mail sent outside a request point: {@code PIXFINO_PUBLIC_URL}, else the address the server listens
 * on (known once it has started), as the account mails fall back to the address a request came to.
 */
public final class LinkBase {

    private final Optional<URI> publicUrl;
    private final AtomicReference<String> listening = new AtomicReference<>("http://127.0.0.1");

    public LinkBase(Optional<URI> publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** Told by the server once its port is bound. */
    public void listeningOn(int port) {
        listening.set("http://127.0.0.1:" + port);
    }

    /** {@code scheme://host[:port][/path]} without a trailing slash. */
    public String get() {
        return publicUrl.map(URI::toString).orElseGet(listening::get).replaceAll("/+$", "");
    }
}
