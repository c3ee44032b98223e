package com.pixfino.server.providers;

import java.util.Base64;

/** How the user's photo travels to a provider: inline as a data: URL when small, else by link. */
public final class InputImages {

    /** Providers document data: URLs for small files only (Replicate: about 1 MB). */
    public static final int INLINE_LIMIT = 1024 * 1024;

    private InputImages() {}

    public static boolean fitsInline(ProviderRequest.InputImage image) {
        return image.bytes().length <= INLINE_LIMIT;
    }

    public static String dataUrl(ProviderRequest.InputImage image) {
        return "data:" + image.contentType() + ";base64," + Base64.getEncoder().encodeToString(image.bytes());
    }

    /**
     * For providers without an upload API: a large photo goes by our short-lived storage link when we
     * have one; otherwise inline anyway, which they accept at some cost in request size.
     */
    public static String linkOrInline(ProviderRequest.InputImage image) {
        if (!fitsInline(image) && image.sharedUrl() != null) {
            return image.sharedUrl().toString();
        }
        return dataUrl(image);
    }
}
