package com.pixfino.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.model.api.ErrorBody;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own answers, in our JSON instead of its HTML page: requests it refuses before any handler runs (a bad
 * request line or header, a URI or headers over the limits, an ambiguous or escaping path) and errors it sends
 * itself. Words and codes come from {@link ErrorMapping#forStatus}.
 */
public final class JsonErrorPages extends ErrorHandler {

    private final ObjectMapper mapper;

    public JsonErrorPages(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Refusals of the HTTP parser: no request, no handler, only the status and the fields of the answer. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        SecurityHeaders.forEach(null, fields::put);
        return ByteBuffer.wrap(body(status));
    }

    /** Errors Jetty sends through a request (e.g. {@code sendError} outside Javalin's handlers). */
    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        baseRequest.setHandled(true);
        SecurityHeaders.forEach(request.getRequestURI(), response::setHeader);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        if (!"HEAD".equals(request.getMethod())) {
            byte[] body = body(response.getStatus());
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    private byte[] body(int status) {
        ErrorBody.Detail detail = ErrorMapping.forStatus(status, null);
        try {
            return mapper.writeValueAsBytes(new ErrorBody(detail));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
