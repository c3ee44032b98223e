package com.pixfino.studio.core.admin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.Page;
import com.pixfino.model.api.admin.AdminPresetRequest;
import com.pixfino.model.api.admin.AdminPresetView;
import com.pixfino.studio.core.net.ApiRequests;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@link AdminPresetsApi} over HTTP, with the signed-in admin's requests. */
public final class AdminPresetsClient implements AdminPresetsApi {

    static final String THUMBNAIL = ApiPaths.ADMIN_PRESET + "/thumbnail";

    private final ApiRequests requests;

    public AdminPresetsClient(ApiRequests requests) {
        this.requests = requests;
    }

    @Override
    public List<AdminPresetView> list() throws IOException {
        Page<AdminPresetView> page =
                requests.get(ApiPaths.ADMIN_PRESETS, Map.of(), new TypeReference<Page<AdminPresetView>>() {});
        return page == null || page.items() == null ? List.of() : page.items();
    }

    @Override
    public AdminPresetView create(AdminPresetRequest preset) throws IOException {
        return requests.send("POST", ApiPaths.ADMIN_PRESETS, preset, AdminPresetView.class);
    }

    @Override
    public AdminPresetView update(long id, AdminPresetRequest preset) throws IOException {
        return requests.send("PUT", path(ApiPaths.ADMIN_PRESET, id), preset, AdminPresetView.class);
    }

    @Override
    public AdminPresetView setActive(long id, boolean active) throws IOException {
        return requests.send("PATCH", path(ApiPaths.ADMIN_PRESET, id), Map.of("active", active), AdminPresetView.class);
    }

    @Override
    public AdminPresetView uploadThumbnail(long id, Path image, String contentType) throws IOException {
        return requests.putFile(path(THUMBNAIL, id), "file", image, contentType, AdminPresetView.class);
    }

    static String path(String apiPath, long id) {
        return apiPath.replace("{id}", Long.toString(id));
    }
}
