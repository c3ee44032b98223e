package com.pixfino.studio.admin.moderation;

import com.pixfino.model.api.Page;
import com.pixfino.model.api.admin.ModerationFlagView;
import com.pixfino.model.api.admin.ModerationWords;
import com.pixfino.model.api.admin.ResolveFlagRequest;
import com.pixfino.studio.core.admin.ModerationApi;
import com.pixfino.studio.core.net.CompanionApiException;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The moderation routes in memory: flags paged by an index cursor, resolutions, and the word list; records calls. */
final class FakeModeration implements ModerationApi {

    final List<ModerationFlagView> flags = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    List<String> words = new ArrayList<>(List.of("nude", "gore"));

    ModerationFlagView add(String source, String email, String prompt, UUID generation) {
        ModerationFlagView flag = new ModerationFlagView(
                flags.size() + 1L,
                source,
                "open",
                UUID.randomUUID(),
                email,
                generation,
                prompt,
                prompt == null ? List.of() : List.of("nude"),
                prompt == null ? "looks unsafe" : null,
                OffsetDateTime.parse("2026-11-27T10:15:00Z"),
                null,
                null,
                null,
                null);
        flags.add(0, flag);
        return flag;
    }

    @Override
    public Page<ModerationFlagView> flags(String status, String cursor, int limit) {
        calls.add("flags " + status + " " + cursor);
        List<ModerationFlagView> matching =
                flags.stream().filter(f -> f.status().equals(status)).toList();
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(matching.size(), from + limit);
        return new Page<>(matching.subList(from, to), to < matching.size() ? Integer.toString(to) : null);
    }

    @Override
    public ModerationFlagView resolve(long id, ResolveFlagRequest request) throws IOException {
        calls.add("resolve " + id + " " + request.action() + " " + request.note());
        ModerationFlagView f =
                flags.stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        if (!f.status().equals("open")) {
            throw new CompanionApiException(409, "already_resolved", "This flag is already resolved.");
        }
        ModerationFlagView done = new ModerationFlagView(
                f.id(),
                f.source(),
                "resolved",
                f.userId(),
                f.userEmail(),
                f.generationId(),
                f.prompt(),
                f.matched(),
                f.reason(),
                f.createdAt(),
                OffsetDateTime.parse("2026-11-28T09:00:00Z"),
                UUID.randomUUID(),
                request.action(),
                request.note());
        flags.replaceAll(x -> x.id() == id ? done : x);
        return done;
    }

    @Override
    public ModerationWords words() {
        calls.add("words");
        return new ModerationWords(List.copyOf(words));
    }

    @Override
    public ModerationWords replaceWords(ModerationWords list) {
        calls.add("replace " + list.words());
        words = new ArrayList<>(list.words());
        return new ModerationWords(List.copyOf(words));
    }
}
