package com.pixfino.studio.core.companion;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Decides whether a server URL points at this machine, without ever asking DNS. */
final class LoopbackUrls {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private LoopbackUrls() {}

    static boolean isLoopback(URI server) {
        String host = server.getHost();
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.toLowerCase(Locale.ROOT).equals("localhost")) {
            return true;
        }
        // Only IP literals are checked: resolving a name could hang start-up on a slow resolver.
        if (!IPV4.matcher(bare).matches() && !bare.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static int port(URI server) {
        if (server.getPort() != -1) {
            return server.getPort();
        }
        return "https".equalsIgnoreCase(server.getScheme()) ? 443 : 80;
    }
}
