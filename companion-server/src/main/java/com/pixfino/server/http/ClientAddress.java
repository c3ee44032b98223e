package com.pixfino.server.http;

import java.util.Set;

/**
 * The address a request came from, for per-address budgets and logs. Behind a reverse proxy (the nginx of
 * installers/) every request arrives from the proxy; when it comes from one of the trusted proxies
 * ({@code PIXFINO_TRUSTED_PROXIES}), the client is the right-most {@code X-Forwarded-For} entry that is not itself a
 * trusted proxy. Entries left of it are the client's own claims and are never believed.
 */
public final class ClientAddress {

    private ClientAddress() {}

    public static String resolve(String remote, String forwardedFor, Set<String> trustedProxies) {
        if (forwardedFor == null || !trustedProxies.contains(remote)) {
            return remote;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return remote;
    }
}
