package com.pixfino.cli.testsupport;

import com.pixfino.model.Role;
import com.pixfino.model.Tier;
import com.pixfino.model.api.UserView;
import com.pixfino.studio.core.net.ApiFactory;
import com.pixfino.studio.core.net.CompanionApi;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** A server that knows one user with {@code credits} and remembers the tokens it was called with. */
public final class RecordingApi {

    private final int credits;
    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private final List<String> servers = new CopyOnWriteArrayList<>();

    public RecordingApi(int credits) {
        this.credits = credits;
    }

    public ApiFactory factory() {
        return server -> {
            servers.add(server.toString());
            return api(null);
        };
    }

    /** The bearer tokens of the calls made, in order (null for a call without one). */
    public List<String> tokens() {
        return tokens;
    }

    public List<String> servers() {
        return servers;
    }

    private CompanionApi api(String token) {
        return (CompanionApi) Proxy.newProxyInstance(
                CompanionApi.class.getClassLoader(), new Class<?>[] {CompanionApi.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "withToken":
                            return api((String) args[0]);
                        case "me":
                            tokens.add(token);
                            return new UserView(UUID.randomUUID(), "a@example.com", "A", Role.USER, Tier.FREE, credits);
                        case "presets":
                            tokens.add(token);
                            return List.of();
                        case "toString":
                            return "RecordingApi";
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
