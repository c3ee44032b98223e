package com.pixfino.studio.testsupport;

import com.pixfino.model.api.AuthResponse;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionJson;
import com.pixfino.studio.core.net.ServerUrl;
import com.pixfino.studio.core.session.AccountSnapshots;
import com.pixfino.studio.core.session.FileTokenStore;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.session.SessionViewModel;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A session over the fake server, with file token storage in a temp dir: the start of every view-model test. */
public final class SessionFixture {

    public static final String SERVER = "http://127.0.0.1:7070";

    public final TaskExecutor tasks;
    public final FakeCompanionApi api = new FakeCompanionApi();
    public final Messages messages = Messages.load(Locale.ROOT);
    public final StringProperty serverUrl = new SimpleStringProperty(SERVER);
    public final Session session = new Session(url -> api);
    public final FileTokenStore tokens;
    public final AccountSnapshots snapshots;
    public final SessionViewModel sessions;

    public SessionFixture(Path dir) {
        this(dir, new CurrentThreadTaskExecutor());
    }

    /** With another executor: a real one for tests that show views, or a current-thread one the test holds. */
    public SessionFixture(Path dir, TaskExecutor tasks) {
        this.tasks = tasks;
        tokens = new FileTokenStore(dir.resolve("tokens.json"), CompanionJson.mapper(), UiThreadGuard.NONE);
        snapshots = new AccountSnapshots(dir.resolve("accounts.json"), CompanionJson.mapper(), UiThreadGuard.NONE);
        sessions = new SessionViewModel(tasks, session, tokens, snapshots, url -> api, serverUrl, messages);
    }

    /** Signs the fake user in, online. */
    public SessionFixture signedIn() {
        sessions.signedIn(ServerUrl.parse(SERVER).orElseThrow(), new AuthResponse(FakeCompanionApi.TOKEN, api.user));
        return this;
    }
}
