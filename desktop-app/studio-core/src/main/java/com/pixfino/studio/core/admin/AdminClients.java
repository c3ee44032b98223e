package com.pixfino.studio.core.admin;

import com.pixfino.studio.core.net.ApiRequests;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.CompanionClient;

/** The admin mode's clients for the signed-in session's API: they share its server, token and connection pool. */
public final class AdminClients {

    private AdminClients() {}

    public static AdminPresetsApi presets(CompanionApi api) {
        return new AdminPresetsClient(requests(api));
    }

    public static ModerationApi moderation(CompanionApi api) {
        return new ModerationClient(requests(api));
    }

    /** Promo codes and the referral and launch-promo settings (issue 16). */
    public static GrowthApi growth(CompanionApi api) {
        return new GrowthClient(requests(api));
    }

    private static ApiRequests requests(CompanionApi api) {
        if (api instanceof CompanionClient client) {
            return client.requests();
        }
        throw new IllegalStateException(
                "the admin mode needs the HTTP client, not " + api.getClass().getSimpleName());
    }
}
