package com.pixfino.studio.core.admin;

import com.pixfino.model.api.Page;
import com.pixfino.model.api.admin.ModerationFlagView;
import com.pixfino.model.api.admin.ModerationWords;
import com.pixfino.model.api.admin.ResolveFlagRequest;
import java.io.IOException;

/** The moderation queue and the banned-word list ({@code /api/v1/admin/moderation}). Blocking: call it off the UI thread. */
public interface ModerationApi {

    /** Flags newest first; {@code status} {@code open} or {@code resolved}; {@code cursor} null for the first page. */
    Page<ModerationFlagView> flags(String status, String cursor, int limit) throws IOException;

    /** Resolves an open flag; 409 when it is resolved already or the action cannot apply to it. */
    ModerationFlagView resolve(long id, ResolveFlagRequest request) throws IOException;

    ModerationWords words() throws IOException;

    /** Replaces the whole list (audited on the server); answers the list as stored. */
    ModerationWords replaceWords(ModerationWords words) throws IOException;
}
