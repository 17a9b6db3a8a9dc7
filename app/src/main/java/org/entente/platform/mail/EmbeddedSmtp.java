package org.entente.platform.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * The SMTP server {@code ./entente run} starts inside the app when no {@code spring.mail.host} is set (GreenMail, on
 * the loopback address only): the app's own mails and its Keycloak's go here and nowhere else, and the platform
 * administrator reads them on "Sent mail". It keeps what it received in memory, for the demo; a restart forgets it.
 */
public final class EmbeddedSmtp {

    /** Where both the app and the demo Keycloak (a process on the same machine) reach it. */
    public static final String HOST = "127.0.0.1";

    private final GreenMail server;

    private EmbeddedSmtp(GreenMail server) {
        this.server = server;
    }

    /** Starts on {@code port}, or on a free port when it is 0. */
    public static EmbeddedSmtp start(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port == 0 ? freePort() : port, HOST, ServerSetup.PROTOCOL_SMTP));
        server.start();
        return new EmbeddedSmtp(server);
    }

    public int port() {
        return server.getSmtp().getPort();
    }

    /** Every mail received since the start, oldest first. */
    public List<MimeMessage> received() {
        return Arrays.asList(server.getReceivedMessages());
    }

    public void stop() {
        server.stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the embedded SMTP server", e);
        }
    }
}
