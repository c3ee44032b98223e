package com.pixfino.studio.core.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for the companion server jar: answers /health on PIXFINO_PORT. Only JDK classes and no
 * nested classes, so the test can pack this single class file into a runnable jar.
 */
public final class FakeCompanionServer {

    private FakeCompanionServer() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv("PIXFINO_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        byte[] body = "{\"status\":\"ok\",\"database\":\"ok\",\"version\":\"fake\"}".getBytes(StandardCharsets.UTF_8);
        server.createContext("/health", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("fake companion listening on port " + port);
        Thread.sleep(120_000); // never outlive a broken test run by long
        System.exit(0);
    }
}
