package org.hipaaiam.docker.production;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.hipaaiam.testfixtures.TestCertificates;

/** The server's certificate for `localhost` from a throwaway CA, and a client context that trusts only that CA. */
public final class ServerCertificate {

    private final TestCertificates files;

    private ServerCertificate(TestCertificates files) {
        this.files = files;
    }

    public static ServerCertificate forLocalhost(Path dir) throws IOException, GeneralSecurityException, InterruptedException {
        return new ServerCertificate(TestCertificates.create(dir, "dns:localhost"));
    }

    public Path certificateFile() {
        return files.serverPem();
    }

    public Path keyFile() {
        return files.serverKeyPem();
    }

    /** Host names are checked as usual: the certificate names `localhost`. */
    public SSLContext trustingClient() throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream ca = Files.newInputStream(files.caPem())) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(ca));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
