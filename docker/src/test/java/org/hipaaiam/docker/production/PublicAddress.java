package org.hipaaiam.docker.production;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * Where clients reach a deployment: the URL Keycloak's `hostname` option names, and the certificate served under
 * it. A single node is reached at its own port; the nodes of a cluster share one address and one certificate, as
 * they do behind a hospital's load balancer.
 */
public record PublicAddress(String url, ServerCertificate certificate) {

    /** `https://localhost:<port>` with a fresh certificate for `localhost` in `tlsDir`. */
    public static PublicAddress localhost(int port, Path tlsDir) throws IOException, GeneralSecurityException, InterruptedException {
        return new PublicAddress("https://localhost:" + port, ServerCertificate.forLocalhost(tlsDir));
    }
}
