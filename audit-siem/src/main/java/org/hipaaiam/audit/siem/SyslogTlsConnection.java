package org.hipaaiam.audit.siem;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Locale;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * One RFC 5425 connection: TLS 1.3 or 1.2 only, the receiver's certificate checked against the
 * configured trust store and its name against the configured host, optionally a client
 * certificate. Messages are written octet-counted and buffered until {@link #flush()}.
 */
final class SyslogTlsConnection implements Closeable {

    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final SSLSocket socket;
    private final OutputStream out;
    private final InputStream in;

    private SyslogTlsConnection(SSLSocket socket) throws IOException {
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        this.in = socket.getInputStream();
    }

    /** Connects and completes the handshake, or fails within the connect timeout. */
    static SyslogTlsConnection open(SSLContext context, SiemConfig config) throws IOException {
        int timeout = (int) config.connectTimeout().toMillis();
        Socket tcp = new Socket();
        try {
            tcp.connect(new InetSocketAddress(config.host(), config.port()), timeout);
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(tcp, config.host(), config.port(), true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setProtocols(PROTOCOLS);
            // RFC 5425 §5.2: the receiver is identified by the name (or address) the sender was configured with.
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.setSoTimeout(timeout);
            tls.startHandshake();
            return new SyslogTlsConnection(tls);
        } catch (IOException | RuntimeException e) {
            tcp.close();
            throw e;
        }
    }

    /** The TLS context for a configuration: its trust store, and its client key store if any. */
    static SSLContext context(SiemConfig config) throws IOException, GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trustStore(config.trustStore(), config.trustStorePassword()));
        KeyManager[] keys = null;
        if (config.clientKeyStore() != null) {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(KeyStore.getInstance(config.clientKeyStore().toFile(), config.clientKeyStorePassword()),
                    config.clientKeyStorePassword());
            keys = factory.getKeyManagers();
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys, trust.getTrustManagers(), null);
        return context;
    }

    /** PEM certificates (.pem, .crt, .cer) or a PKCS#12/JKS store. */
    private static KeyStore trustStore(Path file, char[] password) throws IOException, GeneralSecurityException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer"))) {
            return KeyStore.getInstance(file.toFile(), password);
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream pem = Files.newInputStream(file)) {
            int n = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
                store.setCertificateEntry("ca-" + n++, certificate);
            }
            if (n == 0) {
                throw new GeneralSecurityException("no certificate in " + file);
            }
        }
        return store;
    }

    String protocol() {
        return socket.getSession().getProtocol();
    }

    void write(byte[] octetCountedMessage) throws IOException {
        out.write(octetCountedMessage);
    }

    void flush() throws IOException {
        out.flush();
    }

    /**
     * Whether the receiver has closed or broken the connection. A syslog receiver never sends
     * application data, so anything but a read timeout means the connection is gone. Checking
     * before writing matters: the first write to a closed connection is accepted by the local
     * TCP stack and only a later one fails.
     */
    boolean receiverGone() {
        try {
            socket.setSoTimeout(1);
            in.read();
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
