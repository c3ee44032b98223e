package com.pixfino.studio.core.admin;

import com.pixfino.model.api.admin.AdminPresetRequest;
import com.pixfino.model.api.admin.AdminPresetView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The admin's presets on the companion server ({@code /api/v1/admin/presets}). Blocking: call it off the UI thread. */
public interface AdminPresetsApi {

    /** Every preset, inactive ones too, with its margin and uses. */
    List<AdminPresetView> list() throws IOException;

    /** POST: a new preset; 409 {@code slug_taken} when another preset has its slug. */
    AdminPresetView create(AdminPresetRequest preset) throws IOException;

    /** PUT: the whole preset, replaced. */
    AdminPresetView update(long id, AdminPresetRequest preset) throws IOException;

    /** PATCH {@code {"active":…}}: an inactive preset leaves the users' browser, its history stays. */
    AdminPresetView setActive(long id, boolean active) throws IOException;

    /** PUT the preset's thumbnail (JPEG, PNG or WebP) as the multipart field {@code file}. */
    AdminPresetView uploadThumbnail(long id, Path image, String contentType) throws IOException;
}
