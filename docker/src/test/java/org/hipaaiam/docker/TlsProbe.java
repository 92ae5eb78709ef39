package org.hipaaiam.docker;

import java.io.IOException;
import java.security.Security;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

/**
 * A TLS client that really offers the version it is asked to. The JDK refuses TLS 1.0 and 1.1 on its own
 * (`jdk.tls.disabledAlgorithms`), which would make any server look as if it refused them; this class takes them
 * off that list when it loads. The JDK reads the list once, when its TLS classes first load: load this class
 * before anything in the JVM uses TLS.
 */
final class TlsProbe {

    private static final Set<String> OLD_PROTOCOLS = Set.of("TLSv1", "TLSv1.1");

    static {
        String disabled = Security.getProperty("jdk.tls.disabledAlgorithms");
        Security.setProperty("jdk.tls.disabledAlgorithms", Arrays.stream(disabled.split(","))
                .map(String::trim)
                .filter(algorithm -> !OLD_PROTOCOLS.contains(algorithm))
                .collect(Collectors.joining(", ")));
    }

    /** How a handshake offering only one version ended. */
    enum Outcome {
        ACCEPTED,
        /** The server answered with a fatal alert: it saw the offer and said no. */
        REFUSED_BY_SERVER,
        /** The client could not even offer the version: nothing about the server is proven. */
        NOT_OFFERED
    }

    record Handshake(Outcome outcome, String detail) {
    }

    private TlsProbe() {
    }

    /** Loads the class, and with it the JDK setting above. */
    static void offerOldVersions() {
    }

    static Handshake offer(String protocol, SSLContext tls, String host, int port) throws IOException {
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(host, port)) {
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(new String[] {protocol});
            socket.startHandshake();
            return new Handshake(Outcome.ACCEPTED, socket.getSession().getProtocol());
        } catch (SSLHandshakeException e) {
            // The JDK words an alert that came from the peer as "Received fatal alert: <description>".
            boolean fromServer = String.valueOf(e.getMessage()).startsWith("Received fatal alert");
            return new Handshake(fromServer ? Outcome.REFUSED_BY_SERVER : Outcome.NOT_OFFERED, e.getMessage());
        } catch (IllegalArgumentException unsupported) {
            return new Handshake(Outcome.NOT_OFFERED, unsupported.getMessage());
        }
    }
}
