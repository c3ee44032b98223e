package com.pixfino.studio.app;

import com.pixfino.studio.billing.Browser;
import java.io.IOException;
import javafx.application.HostServices;

/**
 * The system browser through JavaFX's HostServices, which the application only has once it starts; until then
 * (and in a studio without a window) opening a page fails with a sentence the plans screen shows.
 */
final class SystemBrowser implements Browser {

    private volatile HostServices services;

    void use(HostServices hostServices) {
        services = hostServices;
    }

    @Override
    public void open(String url) throws IOException {
        HostServices host = services;
        if (host == null) {
            throw new IOException("no browser is available to this window");
        }
        host.showDocument(url);
    }
}
