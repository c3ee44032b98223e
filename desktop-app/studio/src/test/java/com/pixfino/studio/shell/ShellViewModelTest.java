package com.pixfino.studio.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.Role;
import com.pixfino.model.Tier;
import com.pixfino.model.api.UserView;
import com.pixfino.studio.core.connection.ConnectionState;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.testsupport.TestScreen;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellViewModelTest {

    @TempDir
    Path dir;

    private final TestScreen create = TestScreen.of("create", 1);
    private final TestScreen queue = TestScreen.of("queue", 2);
    private final TestScreen gallery = TestScreen.of("gallery", 3).openingOffline();
    private final TestScreen admin = TestScreen.of("admin", 4).adminOnly();
    private final ScreenRegistry registry = ScreenRegistry.builder()
            .register(create)
            .register(queue)
            .register(gallery)
            .register(admin)
            .build();
    private final AtomicInteger reconnects = new AtomicInteger();

    private ShellViewModel shell(SessionFixture fixture) {
        return new ShellViewModel(fixture.session, registry, reconnects::incrementAndGet, fixture.messages);
    }

    private static void becomeAdmin(SessionFixture fixture) {
        UserView user = fixture.api.user;
        fixture.api.user = new UserView(user.id(), user.email(), user.name(), Role.ADMIN, Tier.FREE, user.credits());
    }

    @Test
    void nothingShowsUntilSomeoneSignsInThenTheFirstScreenTheySee() {
        SessionFixture fixture = new SessionFixture(dir);
        ShellViewModel shell = shell(fixture);
        assertThat(shell.visibleScreens()).isEmpty();
        assertThat(shell.screenProperty().get()).isNull();

        fixture.signedIn();

        assertThat(shell.visibleScreens()).containsExactly(create, queue, gallery);
        assertThat(shell.screenProperty().get()).isSameAs(create);
    }

    @Test
    void anAdminOnlyScreenIsHiddenForAUserAndShownForAnAdmin() {
        SessionFixture fixture = new SessionFixture(dir).signedIn();
        ShellViewModel shell = shell(fixture);

        shell.show(admin);
        assertThat(shell.screenProperty().get())
                .as("a hidden screen cannot be opened")
                .isSameAs(create);

        fixture.sessions.signOut();
        becomeAdmin(fixture);
        fixture.signedIn();

        assertThat(shell.visibleScreens()).containsExactly(create, queue, gallery, admin);
        shell.show(admin);
        assertThat(shell.screenProperty().get()).isSameAs(admin);

        fixture.sessions.signOut();
        assertThat(shell.visibleScreens()).isEmpty();
        assertThat(shell.screenProperty().get()).isNull();
    }

    @Test
    void aBalanceChangeLeavesTheNavigationAlone() {
        SessionFixture fixture = new SessionFixture(dir).signedIn();
        ShellViewModel shell = shell(fixture);
        shell.show(queue);
        AtomicInteger changes = new AtomicInteger();
        shell.visibleScreens().addListener((ListChangeListener<ScreenDescriptor>) change -> changes.incrementAndGet());

        fixture.api.setCredits(20);
        fixture.sessions.refreshUser();

        assertThat(fixture.session.creditsProperty().get()).isEqualTo(20);
        assertThat(changes).hasValue(0);
        assertThat(shell.screenProperty().get()).isSameAs(queue);
    }

    @Test
    void signedInWithoutTheServerTheStudioOpensOnAScreenThatWorksOffline() {
        new SessionFixture(dir).signedIn(); // leaves the token and the account snapshot behind, as a previous run
        SessionFixture restarted = new SessionFixture(dir);
        ShellViewModel shell = shell(restarted);

        restarted.sessions.connectionSettled(ConnectionState.OFFLINE);

        assertThat(restarted.session.isSignedIn()).isTrue();
        assertThat(shell.offlineProperty().get()).isTrue();
        assertThat(shell.screenProperty().get()).isSameAs(gallery);

        shell.reconnect();
        assertThat(reconnects).hasValue(1);
    }
}
