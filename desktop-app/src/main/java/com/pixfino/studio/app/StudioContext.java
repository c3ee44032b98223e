package com.pixfino.studio.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.pixfino.studio.companion.LocalCompanion;
import com.pixfino.studio.concurrent.FxTaskExecutor;
import com.pixfino.studio.connection.ConnectionView;
import com.pixfino.studio.connection.ServerAnswersProbe;
import com.pixfino.studio.connection.ServerConnectionViewModel;
import com.pixfino.studio.i18n.Messages;
import com.pixfino.studio.net.CompanionClients;
import com.pixfino.studio.settings.SettingsFile;
import com.pixfino.studio.settings.SettingsStore;
import com.pixfino.studio.settings.StudioSettings;
import com.pixfino.studio.shell.HeaderView;
import com.pixfino.studio.shell.MainView;
import com.pixfino.studio.theme.ThemeViewModel;
import java.time.Duration;
import java.util.Locale;
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

    /** Reads the settings file: call off the FX thread (Application.init runs on the launcher thread). */
    public StudioContext(StudioEnvironment environment) {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        messages = Messages.load(Locale.getDefault());
        settingsStore = new SettingsStore(new SettingsFile(environment.paths().settingsFile(), json), SETTINGS_DEBOUNCE);
        settings = settingsStore.load();
        tasks = new FxTaskExecutor("studio-task", 4);
        clients = CompanionClients.withDefaults(json);
        companion = new LocalCompanion(environment.companionJar(), environment.javaBinary(),
                environment.paths().companionLog(), new ServerAnswersProbe(clients), COMPANION_START_TIMEOUT);
        connection = new ServerConnectionViewModel(tasks, clients, companion, messages, settings.serverUrlProperty());
        theme = new ThemeViewModel(settings.themeProperty());
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

    /** Views are made on demand because they must be built on the FX thread. */
    public Parent createMainView() {
        return new MainView(new HeaderView(theme, messages), new ConnectionView(connection, messages));
    }

    @Override
    public void close() {
        tasks.close();
        companion.close();
        clients.close();
        settingsStore.close();
    }
}
