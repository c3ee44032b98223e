package com.pixfino.studio.core.admin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.Page;
import com.pixfino.model.api.admin.ModerationFlagView;
import com.pixfino.model.api.admin.ModerationWords;
import com.pixfino.model.api.admin.ResolveFlagRequest;
import com.pixfino.studio.core.net.ApiRequests;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** {@link ModerationApi} over HTTP, with the signed-in admin's requests. */
public final class ModerationClient implements ModerationApi {

    private final ApiRequests requests;

    public ModerationClient(ApiRequests requests) {
        this.requests = requests;
    }

    @Override
    public Page<ModerationFlagView> flags(String status, String cursor, int limit) throws IOException {
        Map<String, String> query = new HashMap<>();
        query.put("status", status);
        query.put("cursor", cursor);
        query.put("limit", Integer.toString(limit));
        return requests.get(ApiPaths.ADMIN_MODERATION_FLAGS, query, new TypeReference<Page<ModerationFlagView>>() {});
    }

    @Override
    public ModerationFlagView resolve(long id, ResolveFlagRequest request) throws IOException {
        return requests.send(
                "POST",
                AdminPresetsClient.path(ApiPaths.ADMIN_MODERATION_FLAG_RESOLVE, id),
                request,
                ModerationFlagView.class);
    }

    @Override
    public ModerationWords words() throws IOException {
        return requests.get(ApiPaths.ADMIN_MODERATION_WORDS, Map.of(), new TypeReference<ModerationWords>() {});
    }

    @Override
    public ModerationWords replaceWords(ModerationWords words) throws IOException {
        return requests.send("PUT", ApiPaths.ADMIN_MODERATION_WORDS, words, ModerationWords.class);
    }
}
