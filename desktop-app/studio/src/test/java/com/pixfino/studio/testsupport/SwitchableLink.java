package com.pixfino.studio.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the studio and a server that a test can pull the plug on: {@link #down()} breaks every open
 * connection and refuses new ones (the studio sees the network fail), {@link #up()} lets them through again. The
 * studio keeps one address, so it is the same server coming back.
 */
public final class SwitchableLink implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean up = true;
    private volatile boolean closed;

    private SwitchableLink(ServerSocket listener, InetSocketAddress target) {
        this.listener = listener;
        this.target = target;
    }

    /** A link to {@code serverUrl} (http://host:port), up. */
    public static SwitchableLink to(String serverUrl) throws IOException {
        URI uri = URI.create(serverUrl);
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        SwitchableLink link = new SwitchableLink(listener, new InetSocketAddress(uri.getHost(), uri.getPort()));
        Thread acceptor = new Thread(link::accept, "switchable-link");
        acceptor.setDaemon(true);
        acceptor.start();
        return link;
    }

    public String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** The network goes: open connections break, new ones are closed at once. */
    public void down() {
        up = false;
        open.forEach(SwitchableLink::closeQuietly);
        open.clear();
    }

    public void up() {
        up = true;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                if (!up) {
                    closeQuietly(client);
                    continue;
                }
                Socket server = new Socket();
                try {
                    server.connect(target, 5_000);
                } catch (IOException e) {
                    closeQuietly(client);
                    continue;
                }
                open.add(client);
                open.add(server);
                pipe(client, server);
                pipe(server, client);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int read;
                        while ((read = in.read(buffer)) >= 0) {
                            out.write(buffer, 0, read);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // one side went: the other follows below
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                        open.remove(from);
                        open.remove(to);
                    }
                },
                "switchable-link-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        down();
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
