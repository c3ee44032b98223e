package com.pixfino.server.http;

import com.pixfino.server.domain.DomainException;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.util.Locale;
import java.util.function.Supplier;
import org.eclipse.jetty.http.BadMessageException;

/**
 * Reads a file part of a {@code multipart/form-data} body. Jetty's parser signals a body over the size limits and a
 * broken body (no boundary, unterminated, a control character in a part header) with plain exceptions; each becomes
 * a 413 or a 400 here instead of a 500.
 */
public final class MultipartForm {

    private MultipartForm() {}

    /**
     * The part named {@code name}, or null when there is none.
     *
     * @param tooLarge the refusal for a body or file over the configured limits (also when no length was declared)
     */
    public static UploadedFile file(Context ctx, String name, Supplier<DomainException> tooLarge) {
        try {
            return ctx.uploadedFile(name);
        } catch (Exception e) { // IllegalStateException, and IOException thrown undeclared through Kotlin
            if (isOverLimit(e)) {
                throw tooLarge.get();
            }
            throw DomainException.invalid(
                    "malformed_multipart",
                    "The upload is not a readable multipart/form-data body: send the photo as a part named '" + name
                            + "'.");
        }
    }

    private static boolean isOverLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadMessageException bad && bad.getCode() == 413) {
                return true;
            }
            // Jetty 11's MultiPartFormInputStream words: "... exceeds max filesize", "Request exceeds maxRequestSize"
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t instanceof IllegalStateException && message.contains("exceeds max")) {
                return true;
            }
        }
        return false;
    }
}
