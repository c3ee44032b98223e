package com.pixfino.studio.testsupport;

import com.pixfino.studio.app.StudioContext;
import com.pixfino.studio.app.StudioEnvironment;
import com.pixfino.studio.core.connection.ConnectionState;
import com.pixfino.studio.core.library.Library;
import com.pixfino.studio.core.settings.StudioPaths;
import com.pixfino.studio.session.SignInViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.awaitility.Awaitility;

/**
 * A second studio in the same test: the real composition root ({@link StudioContext}: its own folder, settings, SQLite
 * library, live updates and sync) without a window, signed in through the sign-in form's model as the window would.
 * Needs the JavaFX toolkit running (a {@link StudioHarness} started first).
 */
public final class HeadlessStudio implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(40);

    private final StudioContext context;

    private HeadlessStudio(StudioContext context) {
        this.context = context;
    }

    /** Starts a studio with {@code home} as its only folder, remembering {@code serverUrl}, and connects. */
    public static HeadlessStudio start(Path home, String serverUrl) throws Exception {
        Files.createDirectories(home);
        Path settings = home.resolve("settings.json");
        if (!Files.exists(settings)) {
            Files.writeString(settings, "{\"serverUrl\":\"" + serverUrl + "\",\"theme\":\"LIGHT\"}");
        }
        StudioContext context = new StudioContext(
                new StudioEnvironment(new StudioPaths(home, home), Optional.empty(), Path.of("java"), false), null);
        StudioHarness.call(() -> {
            context.connection().connectOnStart();
            return null;
        });
        return new HeadlessStudio(context);
    }

    public StudioContext context() {
        return context;
    }

    /** Signs in to an existing account and waits for its library to open. */
    public void signIn(String email, String password) {
        Awaitility.await("the server to answer")
                .atMost(PATIENCE)
                .until(() -> StudioHarness.call(
                        () -> context.connection().stateProperty().get() == ConnectionState.CONNECTED));
        StudioHarness.call(() -> {
            SignInViewModel form = context.signIn();
            form.modeProperty().set(SignInViewModel.Mode.SIGN_IN);
            form.emailProperty().set(email);
            form.passwordProperty().set(password);
            form.submit();
            return null;
        });
        Awaitility.await("the library to open").atMost(PATIENCE).until(() -> library() != null);
    }

    /** The signed-in account's library (its SQLite catalogue), null while none is open. */
    public Library library() {
        return StudioHarness.call(() -> context.library().libraryProperty().get());
    }

    @Override
    public void close() {
        context.close();
    }
}
