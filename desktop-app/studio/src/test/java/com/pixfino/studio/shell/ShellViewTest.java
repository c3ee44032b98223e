package com.pixfino.studio.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.Role;
import com.pixfino.model.Tier;
import com.pixfino.model.api.UserView;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.testsupport.Screenshots;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.testsupport.StudioScene;
import com.pixfino.studio.testsupport.TestMessages;
import com.pixfino.studio.testsupport.TestScreen;
import com.pixfino.studio.theme.ThemeMode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The shell over screens registered by the test, one of them for administrators only. */
@ExtendWith(ApplicationExtension.class)
class ShellViewTest {

    private final IntegerProperty running = new SimpleIntegerProperty();
    private final AtomicInteger createViews = new AtomicInteger();
    private RefreshCounter createView;

    @TempDir
    Path dir;

    private SessionFixture fixture;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fixture = new SessionFixture(dir);
        createView = new RefreshCounter();
        ScreenRegistry registry = ScreenRegistry.builder()
                .register(TestScreen.of("create", 1).withView(() -> {
                    createViews.incrementAndGet();
                    return createView;
                }))
                .register(TestScreen.of("queue", 2).withBadge(running))
                .register(TestScreen.of("gallery", 3))
                .register(TestScreen.of("admin", 4).adminOnly())
                .build();
        Messages messages = TestMessages.studioPlus("nav.admin", "Admin");
        ShellViewModel shell = new ShellViewModel(fixture.session, registry, () -> {}, messages);
        ShellView view = new ShellView(shell, messages, new Label("header"), new NavigationBar(shell, messages));
        Scene scene = StudioScene.of(view, 900, 500);
        stage.setScene(scene);
        stage.show();
    }

    private void signIn(FxRobot robot, Role role) {
        UserView user = fixture.api.user;
        fixture.api.user = new UserView(user.id(), user.email(), user.name(), role, Tier.FREE, user.credits());
        robot.interact(() -> {
            fixture.sessions.signOut();
            fixture.signedIn();
        });
    }

    private static void keys(FxRobot robot, KeyCode... codes) {
        robot.push(codes);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean showing(FxRobot robot, String id) {
        return robot.lookup("#" + id)
                .tryQuery()
                .map(node -> node.getScene() != null)
                .orElse(false);
    }

    @Test
    void theNavigationFollowsTheRegistryAndNamesEachShortcut(FxRobot robot) {
        signIn(robot, Role.USER);

        assertThat(robot.lookup("#navigation").queryAs(NavigationBar.class).getChildren())
                .extracting(Node::getId)
                .containsExactly("nav-create", "nav-queue", "nav-gallery");
        assertThat(robot.lookup("#nav-queue")
                        .queryAs(ToggleButton.class)
                        .getTooltip()
                        .getText())
                .isEqualTo("Queue (Ctrl+2)");
        assertThat(robot.lookup("#nav-create").queryAs(ToggleButton.class).isSelected())
                .isTrue();
        assertThat(showing(robot, "create-view")).isTrue();
    }

    @Test
    void digitKeysOnEitherRowSwitchScreensAndF5RefreshesTheOneShowing(FxRobot robot) {
        signIn(robot, Role.USER);
        robot.clickOn("#nav-create");

        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT2);
        assertThat(showing(robot, "queue-view")).isTrue();
        assertThat(robot.lookup("#nav-queue").queryAs(ToggleButton.class).isSelected())
                .isTrue();

        keys(robot, KeyCode.CONTROL, KeyCode.NUMPAD3);
        assertThat(showing(robot, "gallery-view")).isTrue();

        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT4);
        assertThat(showing(robot, "gallery-view"))
                .as("Ctrl+4 belongs to a screen this account does not see")
                .isTrue();

        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT1);
        keys(robot, KeyCode.F5);
        assertThat(showing(robot, "create-view")).isTrue();
        assertThat(createView.refreshes).isEqualTo(1);
        assertThat(createViews).as("a view is built once, when first shown").hasValue(1);
    }

    @Test
    void theAdminScreenIsHiddenForAUserAndShownForAnAdmin(FxRobot robot) {
        signIn(robot, Role.USER);
        assertThat(robot.lookup("#nav-admin").tryQuery()).isEmpty();

        signIn(robot, Role.ADMIN);

        assertThat(robot.lookup("#navigation").queryAs(NavigationBar.class).getChildren())
                .extracting(Node::getId)
                .containsExactly("nav-create", "nav-queue", "nav-gallery", "nav-admin");
        robot.clickOn("#nav-admin");
        assertThat(showing(robot, "admin-view")).isTrue();
        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT1);
        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT4);
        assertThat(showing(robot, "admin-view")).isTrue();

        robot.interact(() -> running.set(2));
        String before = Application.getUserAgentStylesheet();
        for (ThemeMode theme : ThemeMode.values()) {
            robot.interact(() -> Application.setUserAgentStylesheet(theme.userAgentStylesheet()));
            WaitForAsyncUtils.waitForFxEvents(4);
            Screenshots.save(stage.getScene(), "shell-admin-" + theme.name().toLowerCase(Locale.ROOT));
        }
        robot.interact(() -> Application.setUserAgentStylesheet(before));
    }

    @Test
    void theQueueBadgeShowsTheRunningJobsWhileThereAreAny(FxRobot robot) {
        signIn(robot, Role.USER);
        Label count = robot.lookup("#nav-queue-count").queryAs(Label.class);
        assertThat(count.isVisible()).isFalse();

        robot.interact(() -> running.set(3));
        assertThat(count.isVisible()).isTrue();
        assertThat(count.getText()).isEqualTo("3");
        assertThat(robot.lookup("#nav-create-count").tryQuery())
                .as("only screens with a badge have one")
                .isEmpty();

        robot.interact(() -> running.set(0));
        assertThat(count.isVisible()).isFalse();
    }

    /** A screen view that counts F5. */
    private static final class RefreshCounter extends Label implements com.pixfino.studio.ui.ScreenActions {
        private int refreshes;

        RefreshCounter() {
            super("create");
            setId("create-view");
        }

        @Override
        public boolean shortcut(KeyEvent event) {
            return false;
        }

        @Override
        public void refresh() {
            refreshes++;
        }
    }
}
