package com.pixfino.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

/** Reading typed values from environment variables, each failure one sentence naming the variable. */
final class EnvironmentValues {

    private final Map<String, String> env;

    EnvironmentValues(Map<String, String> env) {
        this.env = env;
    }

    Optional<String> text(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** An absolute http(s) URL without a trailing slash. */
    Optional<URI> url(String name) {
        return text(name).map(value -> {
            try {
                URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new ConfigException(
                            name + " must be an http(s) URL like https://example.com, not '" + value + "'.");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new ConfigException(
                        name + " must be an http(s) URL like https://example.com, not '" + value + "'.");
            }
        });
    }

    boolean flag(String name, boolean fallback) {
        return text(name)
                .map(value -> switch (value.toLowerCase(java.util.Locale.ROOT)) {
                    case "true", "1", "yes" -> true;
                    case "false", "0", "no" -> false;
                    default -> throw new ConfigException(name + " must be true or false, not '" + value + "'.");
                })
                .orElse(fallback);
    }

    int seconds(String name, int fallback, int min, int max) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < min || parsed > max) {
                throw new ConfigException(
                        name + " must be between " + min + " and " + max + ", not " + value.get() + ".");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, not '" + value.get() + "'.");
        }
    }
}
