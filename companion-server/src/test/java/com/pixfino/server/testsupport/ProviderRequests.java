package com.pixfino.server.testsupport;

import com.pixfino.model.MediaKind;
import com.pixfino.server.providers.ProviderRequest;
import java.net.URI;
import java.util.UUID;

/** Generations as a provider client sees them, made from a test photo, for the provider client tests. */
public final class ProviderRequests {

    private ProviderRequests() {}

    /**
     * A new generation from {@code photo}, a 300 × 400 JPEG (or a PNG, told by its first byte), that a provider may
     * fetch at {@code sharedUrl} (null: only as bytes).
     */
    public static ProviderRequest of(
            MediaKind kind,
            String model,
            String prompt,
            String negativePrompt,
            Integer seconds,
            byte[] photo,
            URI sharedUrl) {
        ProviderRequest.InputImage image = new ProviderRequest.InputImage(
                photo, photo.length > 0 && photo[0] == (byte) 0x89 ? "image/png" : "image/jpeg", 300, 400, sharedUrl);
        return new ProviderRequest(UUID.randomUUID(), kind, model, prompt, negativePrompt, "{}", seconds, () -> image);
    }
}
