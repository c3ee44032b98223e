package com.pixfino.studio.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixfino.model.Role;
import com.pixfino.model.Tier;
import com.pixfino.model.api.UserView;
import com.pixfino.studio.testsupport.TestScreen;
import java.util.UUID;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import org.junit.jupiter.api.Test;

class ScreenRegistryTest {

    private static final UserView USER = account(Role.USER);
    private static final UserView ADMIN = account(Role.ADMIN);

    private static UserView account(Role role) {
        return new UserView(UUID.randomUUID(), role.name().toLowerCase() + "@example.com", "Ana", role, Tier.FREE, 5);
    }

    private final ScreenRegistry registry = ScreenRegistry.builder()
            .register(TestScreen.of("create", 1))
            .register(TestScreen.of("queue", 2))
            .register(TestScreen.of("admin", 3).adminOnly())
            .register(TestScreen.of("gallery", 4))
            .build();

    @Test
    void keepsTheRegistrationOrderAndEachScreensKey() {
        assertThat(registry.screens())
                .extracting(ScreenDescriptor::id)
                .containsExactly("create", "queue", "admin", "gallery");
        assertThat(registry.screens())
                .extracting(ScreenDescriptor::shortcut)
                .containsExactly(DigitShortcut.of(1), DigitShortcut.of(2), DigitShortcut.of(3), DigitShortcut.of(4));
        assertThat(registry.refreshKey()).isEqualTo(new KeyCodeCombination(KeyCode.F5));
    }

    @Test
    void anAdminOnlyScreenIsHiddenFromAUserAndShownToAnAdmin() {
        assertThat(registry.visibleTo(USER))
                .extracting(ScreenDescriptor::id)
                .containsExactly("create", "queue", "gallery");
        assertThat(registry.visibleTo(ADMIN))
                .extracting(ScreenDescriptor::id)
                .containsExactly("create", "queue", "admin", "gallery");
        assertThat(registry.visibleTo(null)).as("nobody signed in").isEmpty();
    }

    @Test
    void refusesScreensThatWouldBeUnreachableOrAmbiguous() {
        ScreenRegistry.Builder builder = ScreenRegistry.builder().register(TestScreen.of("create", 1));

        assertThatThrownBy(() -> builder.register(TestScreen.of("create", 2))).hasMessageContaining("id create");
        assertThatThrownBy(() -> builder.register(TestScreen.of("queue", 1))).hasMessageContaining("share the key");
        TestScreen onF5 = new TestScreen(
                "reload",
                new KeyCodeCombination(KeyCode.F5),
                account -> true,
                java.util.Optional.empty(),
                false,
                () -> null);
        assertThatThrownBy(() -> builder.register(onF5)).hasMessageContaining("refresh key");
        assertThatThrownBy(() -> ScreenRegistry.builder().build()).hasMessageContaining("no screens");
    }
}
