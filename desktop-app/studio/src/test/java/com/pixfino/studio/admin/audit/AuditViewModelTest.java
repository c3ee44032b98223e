package com.pixfino.studio.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.api.Page;
import com.pixfino.model.api.admin.AuditEntryView;
import com.pixfino.studio.testsupport.FakeAdminApi;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditViewModelTest {

    @TempDir
    Path dir;

    private final FakeAdminApi admin = new FakeAdminApi();
    private SessionFixture fixture;
    private AuditViewModel model;

    private static AuditEntryView entry(long id, String action, Map<String, Object> before, Map<String, Object> after) {
        return new AuditEntryView(
                id,
                UUID.randomUUID(),
                "root@example.com",
                action,
                "user",
                "fd0a591f-b7bc-441e-9d7e-0123456789ab",
                before,
                after,
                "Support goodwill",
                OffsetDateTime.of(2026, 11, 28, 12, 0, 0, 0, ZoneOffset.UTC));
    }

    @BeforeEach
    void setUp() {
        fixture = new SessionFixture(dir).signedIn();
        model = new AuditViewModel(
                fixture.tasks, fixture.session, fixture.sessions, api -> admin, fixture.messages, ZoneOffset.UTC);
    }

    @Test
    void pagesFollowTheServersCursorNewestFirst() {
        AuditEntryView newest = entry(2, "user_suspended", Map.of("status", "ACTIVE"), Map.of("status", "SUSPENDED"));
        AuditEntryView older = entry(1, "credits_adjusted", Map.of("credits", 100), Map.of("credits", 115));
        admin.auditPages.add(new Page<>(List.of(newest), "older"));
        admin.auditPages.add(new Page<>(List.of(older), null));

        model.refresh();
        assertThat(model.moreProperty().get()).isTrue();
        model.loadMore();

        assertThat(admin.auditCursors).containsExactly(null, "older");
        assertThat(model.entries()).containsExactly(newest, older);
        assertThat(model.moreProperty().get()).isFalse();
    }

    @Test
    void eachRowIsSaidInTheProductsWords() {
        AuditEntryView adjusted = entry(1, "credits_adjusted", Map.of("credits", 100), Map.of("credits", 115));
        AuditEntryView unknown = entry(2, "words_changed", null, Map.of("count", 12));

        assertThat(model.action(adjusted)).isEqualTo("Credits adjusted");
        assertThat(model.action(unknown)).isEqualTo("words_changed");
        assertThat(model.target(adjusted)).isEqualTo("User fd0a591f");
        assertThat(model.change(adjusted)).isEqualTo("credits: 100 \u2192 115");
        assertThat(model.change(unknown)).isEqualTo("count: \u2013 \u2192 12");
        assertThat(model.reason(adjusted)).isEqualTo("Support goodwill");
        assertThat(model.adminText(adjusted)).isEqualTo("root@example.com");
    }

    @Test
    void aFailedReadSaysWhyAndAnEmptyLogSaysSo() {
        model.refresh();
        assertThat(model.status().messageProperty().get()).isEqualTo("No admin action has been recorded yet.");

        admin.failure = FakeAdminApi.refused(403, "forbidden", "Not an administrator's session.");
        model.refresh();

        assertThat(model.status().toneProperty().get()).isEqualTo(Tone.ERROR);
        assertThat(model.status().messageProperty().get())
                .isEqualTo("The audit log could not be read: Not an administrator's session. Press F5 to try again.");
    }
}
