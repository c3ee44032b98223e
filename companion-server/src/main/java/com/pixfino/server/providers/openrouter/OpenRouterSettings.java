package com.pixfino.server.providers.openrouter;

import java.net.URI;

/** OpenRouter settings: the key and the API base (the real service unless a test points elsewhere). */
public record OpenRouterSettings(String key, URI baseUrl) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://openrouter.ai/api/v1");

    @Override
    public String toString() {
        return "OpenRouterSettings[key=***, baseUrl=" + baseUrl + "]";
    }
}
