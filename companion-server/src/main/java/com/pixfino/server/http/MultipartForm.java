package com.pixfino.server.http;

import com.pixfino.server.domain.DomainException;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    /** A file part read whole: the name the client gave it (never trusted for the type) and its bytes. */
    public record FilePart(String filename, byte[] bytes) {}

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

    /**
     * The bytes of the required file part {@code name} of a {@code multipart/form-data} body of at most
     * {@code maxBytes}: a larger body (by its declared length, before a byte is read) or file is {@code tooLarge}, a
     * body of another type a 415, a broken body or one without the part a 400, each with a sentence.
     *
     * @param what what the part holds, for the sentences: "the photo", "the picture"
     */
    public static FilePart requiredFile(
            Context ctx, String name, String what, long maxBytes, Supplier<DomainException> tooLarge) {
        if (ctx.contentLength() > maxBytes + 64 * 1024) {
            throw tooLarge.get();
        }
        if (!ctx.isMultipartFormData()) {
            throw new DomainException(
                    DomainException.Kind.UNSUPPORTED_MEDIA,
                    "unsupported_media_type",
                    "Send " + what + " as multipart/form-data with a part named '" + name + "'.");
        }
        UploadedFile file = file(ctx, name, tooLarge);
        if (file == null) {
            throw DomainException.invalid(
                    "missing_file",
                    "No part named '" + name + "' in the upload: attach " + what + " as '" + name + "'.");
        }
        if (file.size() > maxBytes) {
            throw tooLarge.get();
        }
        try (InputStream in = file.content()) {
            return new FilePart(file.filename(), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
