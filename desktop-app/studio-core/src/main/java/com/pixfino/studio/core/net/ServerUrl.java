package com.pixfino.studio.core.net;

import java.net.URI;
import java.util.Optional;
import okhttp3.HttpUrl;

/** A validated companion server base URL: http(s), a host, no query or fragment. */
public record ServerUrl(HttpUrl url) {

    public static Optional<ServerUrl> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        // HttpUrl.parse already demands http(s) and a host; a base URL with a query or fragment is a typo.
        HttpUrl parsed = HttpUrl.parse(text.strip());
        if (parsed == null || parsed.query() != null || parsed.fragment() != null) {
            return Optional.empty();
        }
        return Optional.of(new ServerUrl(parsed));
    }

    /** {@code relative} is resolved under the base path, so a server mounted at /pixfino/ keeps its prefix. */
    public HttpUrl resolve(String relative) {
        HttpUrl.Builder builder = url.newBuilder();
        if (!url.encodedPath().endsWith("/")) {
            builder.addPathSegment("");
        }
        return builder.build().resolve(relative);
    }

    public URI toUri() {
        return url.uri();
    }

    /** Text for people: no trailing slash on a bare host. */
    @Override
    public String toString() {
        String text = url.toString();
        return url.encodedPath().equals("/") ? text.substring(0, text.length() - 1) : text;
    }
}
