package com.pixfino.studio.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.Role;
import com.pixfino.model.Tier;
import com.pixfino.model.api.UserView;
import com.pixfino.studio.connection.ServerConnectionViewModel;
import com.pixfino.studio.core.companion.LocalCompanion;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.connection.ServerAnswersProbe;
import com.pixfino.studio.core.net.CompanionClients;
import com.pixfino.studio.core.net.CompanionJson;
import com.pixfino.studio.core.settings.StudioPaths;
import com.pixfino.studio.shell.DigitShortcut;
import com.pixfino.studio.shell.ScreenDescriptor;
import com.pixfino.studio.testsupport.SessionFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The composition root registers the five screens, in the order and with the keys the README promises. */
class FeaturesTest {

    @TempDir
    Path dir;

    @Test
    void registersCreateQueueGalleryAccountAndBatchOnCtrl1To5AndTheAdminScreensAfterThem() throws Exception {
        SessionFixture fixture = new SessionFixture(dir);
        try (CompanionClients clients = CompanionClients.withDefaults(CompanionJson.mapper(), UiThreadGuard.NONE);
                LocalCompanion companion = new LocalCompanion(
                        Optional.empty(),
                        Path.of("java"),
                        dir.resolve("companion.log"),
                        new ServerAnswersProbe(clients),
                        Duration.ofSeconds(1));
                Features features = new Features(
                        new StudioPaths(dir, dir),
                        UiThreadGuard.NONE,
                        fixture.tasks,
                        fixture.session,
                        fixture.sessions,
                        new ServerConnectionViewModel(
                                fixture.tasks, clients, companion, fixture.messages, fixture.serverUrl),
                        fixture.messages,
                        url -> {},
                        new javafx.beans.property.SimpleStringProperty(),
                        new javafx.beans.property.SimpleLongProperty(
                                com.pixfino.studio.core.settings.OriginalsCache.DEFAULT_CAP_BYTES),
                        new javafx.beans.property.SimpleObjectProperty<>(
                                com.pixfino.studio.core.admin.DashboardTargets.DEFAULTS))) {
            List<ScreenDescriptor> screens = features.screens().screens();

            assertThat(screens)
                    .extracting(ScreenDescriptor::id)
                    .containsExactly(
                            "create",
                            "queue",
                            "gallery",
                            "account",
                            "batch",
                            "admin-dashboard",
                            "admin-users",
                            "admin-presets",
                            "admin-moderation",
                            "admin-audit",
                            "admin-growth");
            assertThat(screens)
                    .extracting(screen -> fixture.messages.get(screen.titleKey()))
                    .containsExactly(
                            "Create",
                            "Queue",
                            "Gallery",
                            "Account",
                            "Batch",
                            "Dashboard",
                            "Users",
                            "Presets",
                            "Moderation",
                            "Audit log",
                            "Growth");
            assertThat(screens)
                    .extracting(ScreenDescriptor::shortcut)
                    .containsExactly(
                            DigitShortcut.of(1),
                            DigitShortcut.of(2),
                            DigitShortcut.of(3),
                            DigitShortcut.of(4),
                            DigitShortcut.of(5),
                            DigitShortcut.of(6),
                            DigitShortcut.of(7),
                            DigitShortcut.of(8),
                            DigitShortcut.of(9),
                            DigitShortcut.of(0),
                            com.pixfino.studio.admin.growth.GrowthScreen.SHORTCUT);
            assertThat(screens)
                    .filteredOn(screen -> screen.badge().isPresent())
                    .extracting(ScreenDescriptor::id)
                    .containsExactly("queue", "batch");
            assertThat(screens)
                    .filteredOn(ScreenDescriptor::opensOffline)
                    .extracting(ScreenDescriptor::id)
                    .containsExactly("gallery");
            // the admin mode's screens come after a user's and only an admin sees them
            UserView user = new UserView(UUID.randomUUID(), "ana@example.com", "Ana", Role.USER, Tier.FREE, 5);
            assertThat(features.screens().visibleTo(user))
                    .extracting(ScreenDescriptor::id)
                    .containsExactly("create", "queue", "gallery", "account", "batch");
            UserView admin = new UserView(UUID.randomUUID(), "root@example.com", "Root", Role.ADMIN, Tier.FREE, 5);
            assertThat(features.screens().visibleTo(admin)).containsExactlyElementsOf(screens);
        }
    }
}
