package com.pixfino.cli;

import com.pixfino.studio.core.net.ApiFactory;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code pixfino balance}: the API key owner's credits. */
@Command(name = "balance", description = "Print your balance in credits.")
final class BalanceCommand implements Callable<Integer>, PixfinoCli.TalksToServer {

    private final Console console;
    private final ApiFactory apis;

    @Mixin
    ServerOptions server = new ServerOptions();

    BalanceCommand(Console console, ApiFactory apis) {
        this.console = console;
        this.apis = apis;
    }

    @Override
    public ServerOptions serverOptions() {
        return server;
    }

    @Override
    public Integer call() throws Exception {
        int credits = server.signedIn(console, apis).me().credits();
        console.out().println(credits + (credits == 1 ? " credit" : " credits"));
        return ExitCode.OK;
    }
}
