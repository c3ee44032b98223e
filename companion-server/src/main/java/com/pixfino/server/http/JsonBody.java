package com.pixfino.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.server.domain.DomainException;
import io.javalin.http.Context;

/** Reads a request body as a record, turning every parse failure into a 400 with a readable reason. */
public final class JsonBody {

    private final ObjectMapper mapper;

    public JsonBody(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public <T> T read(Context ctx, Class<T> type) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw DomainException.invalid("malformed_json", "The request body is empty; send a JSON object.");
        }
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw DomainException.invalid("malformed_json", "The request body must be a JSON object, not null.");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw DomainException.invalid("malformed_json", "The request body is not valid JSON for this endpoint: " + e.getOriginalMessage());
        }
    }
}
