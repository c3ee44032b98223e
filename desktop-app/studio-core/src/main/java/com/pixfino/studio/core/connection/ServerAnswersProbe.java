package com.pixfino.studio.core.connection;

import com.pixfino.studio.core.companion.HealthProbe;
import com.pixfino.studio.core.net.CompanionClients;
import com.pixfino.studio.core.net.CompanionHttpException;
import com.pixfino.studio.core.net.ServerUrl;
import java.io.IOException;
import java.net.URI;

/** A {@link HealthProbe} backed by the studio's HTTP client: any HTTP answer on /health counts. */
public final class ServerAnswersProbe implements HealthProbe {

    private final CompanionClients clients;

    public ServerAnswersProbe(CompanionClients clients) {
        this.clients = clients;
    }

    @Override
    public boolean answers(URI server) {
        ServerUrl url = ServerUrl.parse(server.toString()).orElseThrow();
        try {
            clients.forServer(url).health();
            return true;
        } catch (CompanionHttpException e) {
            return true; // something listens there; starting a second server would only clash on the port
        } catch (IOException e) {
            return false;
        }
    }
}
