package com.pixfino.studio.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.studio.billing.Browser;
import com.pixfino.studio.concurrent.FxTaskExecutor;
import com.pixfino.studio.concurrent.FxThreadGuard;
import com.pixfino.studio.connection.ServerConnectionViewModel;
import com.pixfino.studio.core.companion.LocalCompanion;
import com.pixfino.studio.core.concurrent.Lazy;
import com.pixfino.studio.core.concurrent.NamedThreads;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.connection.ConnectionState;
import com.pixfino.studio.core.connection.ServerAnswersProbe;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionClients;
import com.pixfino.studio.core.net.CompanionJson;
import com.pixfino.studio.core.session.AccountSnapshots;
import com.pixfino.studio.core.session.FallbackTokenStore;
import com.pixfino.studio.core.session.FileTokenStore;
import com.pixfino.studio.core.session.KeychainTokenStore;
import com.pixfino.studio.core.session.TokenStore;
import com.pixfino.studio.core.settings.SettingsFile;
import com.pixfino.studio.core.store.SqliteFiles;
import com.pixfino.studio.library.LibraryConnector;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.session.SessionViewModel;
import com.pixfino.studio.session.SignInViewModel;
import com.pixfino.studio.settings.SettingsStore;
import com.pixfino.studio.settings.StudioSettings;
import com.pixfino.studio.theme.ThemeViewModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javafx.application.HostServices;
import javafx.scene.Parent;

/** The composition root: builds every long-lived object once and closes them in reverse order. */
public final class StudioContext implements AutoCloseable {

    private static final Duration COMPANION_START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SETTINGS_DEBOUNCE = Duration.ofMillis(500);

    private final Messages messages;
    private final SettingsStore settingsStore;
    private final StudioSettings settings;
    private final FxTaskExecutor tasks;
    private final CompanionClients clients;
    private final LocalCompanion companion;
    private final ServerConnectionViewModel connection;
    private final ThemeViewModel theme;
    private final Lazy<Optional<KeychainTokenStore>> keychain;
    private final Session session;
    private final SessionViewModel sessions;
    private final SignInViewModel signIn;
    private final Features features;
    private final SystemBrowser systemBrowser = new SystemBrowser();

    /** Reads the settings file and opens the gallery cache: call off the FX thread (Application.init runs on the launcher thread). */
    public StudioContext(StudioEnvironment environment) {
        this(environment, null);
    }

    /**
     * As {@link #StudioContext(StudioEnvironment)}, with {@code browser} opening checkout, portal and invoice pages
     * instead of the system browser (null: the system browser). End-to-end tests complete the payment there.
     */
    public StudioContext(StudioEnvironment environment, Browser browser) {
        try {
            environment.paths().createPrivately();
        } catch (IOException e) {
            throw new UncheckedIOException("The studio cannot create its folders: " + e.getMessage(), e);
        }
        // SQLite's first use costs ~150 ms: made ready beside the settings and clients, before the gallery opens
        new NamedThreads("sqlite-warm-up").newThread(SqliteFiles::warmUp).start();
        ObjectMapper json = CompanionJson.mapper();
        UiThreadGuard guard = new FxThreadGuard();
        messages = Messages.load(Locale.getDefault());
        settingsStore =
                new SettingsStore(new SettingsFile(environment.paths().settingsFile(), json), SETTINGS_DEBOUNCE);
        settings = settingsStore.load();
        tasks = new FxTaskExecutor("studio-task", 4);
        clients = CompanionClients.withDefaults(json, guard);
        companion = new LocalCompanion(
                environment.companionJar(),
                environment.javaBinary(),
                environment.paths().companionLog(),
                new ServerAnswersProbe(clients),
                COMPANION_START_TIMEOUT);
        connection = new ServerConnectionViewModel(tasks, clients, companion, messages, settings.serverUrlProperty());
        theme = new ThemeViewModel(settings.themeProperty());

        // opened by the first token read or write (a background task), not before the window shows
        keychain = Lazy.of(() -> environment.useKeychain() ? KeychainTokenStore.open(guard) : Optional.empty());
        TokenStore tokens = new FallbackTokenStore(
                () -> keychain.get().map(TokenStore.class::cast),
                new FileTokenStore(environment.paths().tokenFile(), json, guard));
        session = new Session(clients::forServer);
        sessions = new SessionViewModel(
                tasks,
                session,
                tokens,
                new AccountSnapshots(environment.paths().accountsFile(), json, guard),
                clients::forServer,
                settings.serverUrlProperty(),
                messages);
        sessions.follow(connection.stateProperty());
        signIn = new SignInViewModel(
                tasks,
                clients::forServer,
                sessions,
                settings.serverUrlProperty(),
                connection.stateProperty().isEqualTo(ConnectionState.CONNECTED),
                messages);
        try {
            features = new Features(
                    environment.paths(),
                    guard,
                    tasks,
                    session,
                    sessions,
                    connection,
                    messages,
                    browser == null ? systemBrowser : browser,
                    settings.batchOutputProperty(),
                    settings.originalsCapProperty(),
                    settings.dashboardTargetsProperty());
            // the originals cache cap: from the settings file at start, and at once whenever it changes
            features.library().setOriginalsCap(settings.originalsCapProperty().get());
            settings.originalsCapProperty()
                    .addListener((obs, was, now) -> features.library().setOriginalsCap(now.longValue()));
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    public Messages messages() {
        return messages;
    }

    public StudioSettings settings() {
        return settings;
    }

    public ServerConnectionViewModel connection() {
        return connection;
    }

    public Session session() {
        return session;
    }

    /** The sign-in form's model: a studio without a window (a second instance in a test) signs in through it. */
    public SignInViewModel signIn() {
        return signIn;
    }

    /** The signed-in account's synced library and its sync state. */
    public LibraryConnector library() {
        return features.library();
    }

    /** The application's way to the system browser, known once it starts (checkout, billing portal, invoices). */
    public void useHostServices(HostServices services) {
        systemBrowser.use(services);
    }

    /** Views are made on demand because they must be built on the FX thread. */
    public Parent createMainView() {
        return features.createMainView(theme, signIn);
    }

    @Override
    public void close() {
        if (features != null) {
            features.close();
        }
        tasks.close();
        companion.close();
        clients.close();
        keychain.ifMade().flatMap(opened -> opened).ifPresent(KeychainTokenStore::close);
        settingsStore.close();
    }
}
