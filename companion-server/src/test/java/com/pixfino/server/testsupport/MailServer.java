package com.pixfino.server.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.pixfino.server.mail.MailSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An in-process SMTP server (GreenMail) on a fixed free port: it can be started late or stopped, as a real one goes
 * down and comes back, and the server under test keeps the same address.
 */
public final class MailServer implements AutoCloseable {

    private final int port;
    private GreenMail greenMail;

    private MailServer(int port) {
        this.port = port;
    }

    /** A server on a free port, not started yet. */
    public static MailServer onFreePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return new MailServer(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public MailServer start() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return this;
    }

    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    /** Settings that send here: plain SMTP (GreenMail has no STARTTLS), no authentication. */
    public MailSettings.Smtp smtp() {
        return new MailSettings.Smtp("127.0.0.1", port, Optional.empty(), Optional.empty(), false);
    }

    /** The tests' mail settings ({@link TestServer#FAST_MAIL}) sending here, from the product's no-reply address. */
    public MailSettings settings() {
        return TestServer.FAST_MAIL.withSmtp(Optional.of(smtp())).withFrom("Pixfino <no-reply@pixfino.test>");
    }

    /** Every mail received so far for {@code address}, oldest first. */
    public List<ReceivedMail> to(String address) {
        if (greenMail == null) {
            return List.of();
        }
        return Arrays.stream(greenMail.getReceivedMessages())
                .map(ReceivedMail::of)
                .filter(m -> m.to().equalsIgnoreCase(address))
                .toList();
    }

    /** Waits until {@code address} has received {@code count} mails; answers them. */
    public List<ReceivedMail> await(String address, int count) {
        org.awaitility.Awaitility.await("mail to " + address)
                .atMost(Duration.ofSeconds(20))
                .until(() -> to(address).size() >= count);
        return to(address);
    }

    @Override
    public void close() {
        stop();
    }
}
