package com.pixfino.cli;

import com.pixfino.studio.core.net.ApiFactory;
import picocli.CommandLine.Command;

/** {@code pixfino balance}: the API key owner's credits. */
@Command(name = "balance", description = "Print your balance in credits.")
final class BalanceCommand extends ServerCommand {

    BalanceCommand(Console console, ApiFactory apis) {
        super(console, apis);
    }

    @Override
    public Integer call() throws Exception {
        int credits = server.signedIn(console, apis).me().credits();
        console.out().println(credits + (credits == 1 ? " credit" : " credits"));
        return ExitCode.OK;
    }
}
