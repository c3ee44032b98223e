package com.pixfino.server.webhooks;

import com.pixfino.server.domain.DomainException;
import java.net.IDN;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where a webhook may point: https on a public address. The host is resolved and every address it has is checked, so
 * a name that points inside our network (loopback, private, link-local, unique-local, multicast, unspecified) is
 * refused like the address itself (no server-side request forgery). With {@code allowLocal} (tests),
 * {@code http(s)://127.0.0.1} and {@code localhost} are allowed too, and nothing else private.
 */
final class WebhookTargets {

    private final boolean allowLocal;

    WebhookTargets(boolean allowLocal) {
        this.allowLocal = allowLocal;
    }

    /** The URL as it will be called, or a 400 saying what is wrong with it. */
    URI check(String url) {
        if (url == null || url.isBlank() || url.length() > 2000) {
            throw invalid("Give the endpoint's URL (url), https://… and at most 2000 characters.");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw invalid("The webhook URL is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw invalid("The webhook URL needs a host, and no user name or #fragment.");
        }
        boolean local = isLocalName(host);
        if (!scheme.equals("https") && !(allowLocal && local && scheme.equals("http"))) {
            throw invalid("Webhook URLs must use https.");
        }
        if (local && allowLocal) {
            return uri;
        }
        checkAddresses(host);
        return uri;
    }

    /** Refuses the host when any address it resolves to is not a public one (also checked before each delivery). */
    void checkAddresses(String host) {
        if (allowLocal && isLocalName(host)) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(IDN.toASCII(stripBrackets(host)));
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw invalid("The webhook host '" + host + "' could not be resolved.");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw invalid("The webhook URL points to a private, loopback or link-local address; use a public"
                        + " https endpoint.");
            }
        }
    }

    private static boolean isLocalName(String host) {
        String h = stripBrackets(host).toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("127.0.0.1");
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress()
                || a.isLoopbackAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local
            }
            boolean mapped = true; // ::ffff:a.b.c.d carries an IPv4 address
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return true;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first != 0 // 0.0.0.0/8
                && !(first == 100 && second >= 64 && second < 128) // 100.64/10 carrier-grade NAT
                && !(first == 169 && second == 254) // link-local, cloud metadata
                && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0/24
                && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                && first < 224; // multicast and reserved
    }

    private static DomainException invalid(String message) {
        return DomainException.invalid("invalid_url", message);
    }
}
