package com.pixfino.cli;

import com.pixfino.studio.core.net.ApiFactory;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** A command that talks to a Pixfino server: its {@code --server} and {@code --api-key} options and the console. */
abstract class ServerCommand implements Callable<Integer>, PixfinoCli.TalksToServer {

    protected final Console console;
    protected final ApiFactory apis;

    @Mixin
    ServerOptions server = new ServerOptions();

    ServerCommand(Console console, ApiFactory apis) {
        this.console = console;
        this.apis = apis;
    }

    @Override
    public ServerOptions serverOptions() {
        return server;
    }
}
