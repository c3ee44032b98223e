package com.pixfino.server.http;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Adds the API's routes to the app and records who may call each operation, so the API document's security
 * requirements come from the same line that registers the route.
 */
public record RouteTable(Javalin app, Map<String, Set<RouteRole>> access) {

    public void get(String path, Handler handler, RouteRole... roles) {
        add(HandlerType.GET, path, handler, roles);
    }

    public void post(String path, Handler handler, RouteRole... roles) {
        add(HandlerType.POST, path, handler, roles);
    }

    public void put(String path, Handler handler, RouteRole... roles) {
        add(HandlerType.PUT, path, handler, roles);
    }

    public void patch(String path, Handler handler, RouteRole... roles) {
        add(HandlerType.PATCH, path, handler, roles);
    }

    public void delete(String path, Handler handler, RouteRole... roles) {
        add(HandlerType.DELETE, path, handler, roles);
    }

    public void add(HandlerType method, String path, Handler handler, RouteRole... roles) {
        app.addHttpHandler(method, path, handler, roles);
        access.put(method.name().toUpperCase(Locale.ROOT) + " " + path, Set.of(roles));
    }
}
