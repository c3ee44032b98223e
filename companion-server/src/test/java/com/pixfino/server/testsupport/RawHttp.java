package com.pixfino.server.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Requests an HTTP client refuses to send (NUL in the path or a header, a lone {@code %}, {@code /../..}, huge
 * headers), written byte for byte on a socket; the answer is read to the end ({@code Connection: close}).
 */
public final class RawHttp {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String host;
    private final int port;

    /**
     * A multipart body with one part and the boundary {@code XX}, written as given: {@code partHeaders} may be
     * malformed, and without {@code terminated} the closing boundary is left out.
     */
    public static byte[] multipart(String partHeaders, byte[] content, boolean terminated) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--XX\r\n" + partHeaders + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        body.writeBytes(content);
        if (terminated) {
            body.writeBytes("\r\n--XX--\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        return body.toByteArray();
    }

    public RawHttp(String baseUrl) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
    }

    /** The answer: status, headers by lower-case name, body text, and the body as JSON when it parses. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    /** Sends {@code method target HTTP/1.1} with a Host and {@code Connection: close}, then {@code extraHeaders} (each ending in CRLF) and {@code body}. */
    public Answer send(String method, String target, String extraHeaders, byte[] body) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(
                (method + " " + target + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nConnection: close\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(extraHeaders.getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            request.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            request.writeBytes(body);
        }
        return exchange(request.toByteArray());
    }

    public Answer get(String target) {
        return send("GET", target, "", null);
    }

    /** Writes {@code request} as it is and reads the answer. */
    public Answer exchange(byte[] request) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            // nothing more is coming: a request that promised more body ends here instead of waiting for a timeout
            socket.shutdownOutput();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                answer.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            // the server may reset after answering a request it refused early; what arrived is the answer
            if (answer.size() == 0) {
                throw e;
            }
        }
        return answer.toByteArray();
    }

    private static Answer parse(byte[] raw) {
        String head = new String(raw, StandardCharsets.ISO_8859_1);
        int end = head.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("no complete answer: " + head);
        }
        String[] lines = head.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.putIfAbsent(
                    lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String text = new String(chunked, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < text.length()) {
            int lineEnd = text.indexOf("\r\n", at);
            int size =
                    Integer.parseInt(text.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }
}
