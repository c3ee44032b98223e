package com.pixfino.cli;

import com.pixfino.model.ApiPaths;
import com.pixfino.studio.core.net.ApiFactory;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.ServerUrl;
import picocli.CommandLine.Option;

/** {@code --server} and {@code --api-key}, shared by every command that talks to the server. */
public final class ServerOptions {

    public static final String DEFAULT_SERVER = "http://127.0.0.1:7070";
    public static final String API_KEY_ENV = "PIXFINO_API_KEY";

    static final String NO_KEY =
            "No API key: pass --api-key or set " + API_KEY_ENV + ". Create one in the studio: Account → API access.";

    static final String NOT_A_KEY = "That is not a Pixfino API key: they start with " + ApiPaths.API_KEY_PREFIX
            + ". Create one in the studio: Account → API access.";

    @Option(
            names = "--server",
            paramLabel = "URL",
            defaultValue = DEFAULT_SERVER,
            description = "The Pixfino server (default: ${DEFAULT-VALUE}).")
    String server;

    @Option(
            names = "--api-key",
            paramLabel = "KEY",
            description = "An API key (pxf_…) from the studio's Account → API access; default: the " + API_KEY_ENV
                    + " environment variable, which keeps the key out of the process list.")
    String apiKey;

    public ServerUrl serverUrl() {
        return ServerUrl.parse(server)
                .orElseThrow(() -> CommandFailure.usage("Not a server address: '" + server
                        + "'. Pass --server with an http(s) URL such as " + DEFAULT_SERVER + "."));
    }

    /** The key from --api-key, else from the environment; null when neither is given. */
    public String apiKey(Console console) {
        if (apiKey != null && !apiKey.isBlank()) {
            return apiKey.strip();
        }
        return console.env(API_KEY_ENV);
    }

    /** The server's API acting for the key's owner. */
    public CompanionApi signedIn(Console console, ApiFactory source) {
        String key = apiKey(console);
        if (key == null) {
            throw new CommandFailure(ExitCode.SERVER, NO_KEY);
        }
        if (!key.startsWith(ApiPaths.API_KEY_PREFIX)) {
            throw new CommandFailure(ExitCode.SERVER, NOT_A_KEY);
        }
        return source.forServer(serverUrl()).withToken(key);
    }

    /** The server's API, signed in when a key is given (a wrong key is refused even on public routes). */
    public CompanionApi anyone(Console console, ApiFactory source) {
        String key = apiKey(console);
        CompanionApi api = source.forServer(serverUrl());
        return key == null ? api : api.withToken(key);
    }

    /** For messages: the server as the user wrote it. */
    public String serverText() {
        return ServerUrl.parse(server).map(ServerUrl::toString).orElse(server);
    }
}
