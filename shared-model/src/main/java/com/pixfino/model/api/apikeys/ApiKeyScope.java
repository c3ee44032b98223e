package com.pixfino.model.api.apikeys;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an API key may do: {@code read} the user's data, or also {@code generate} (uploads, generations). */
public enum ApiKeyScope {
    @JsonProperty("read")
    READ,
    @JsonProperty("generate")
    GENERATE;

    /** The name in JSON and in the database: {@code read} or {@code generate}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
