package org.hipaaiam.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Network;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The production image, built from docker/Dockerfile exactly as documented, against PostgreSQL. Needs a
 * Docker engine: where there is none, JUnit reports this class as skipped with the reason.
 */
@Testcontainers(disabledWithoutDocker = true)
class HipaaImageIT {

    private static final Network NETWORK = Network.newNetwork();

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:15")
            .withNetwork(NETWORK)
            .withNetworkAliases("postgres");

    @Container
    static final KeycloakContainer KEYCLOAK = new KeycloakContainer(
            new ImageFromDockerfile("hipaa-keycloak-it", true).withFileFromPath(".", Path.of("target/image")).get())
            .withNetwork(NETWORK)
            .dependsOn(POSTGRES)
            .withProductionMode()
            .withOptimizedFlag()
            .useTls()
            .withEnv("KC_HOSTNAME_STRICT", "false")
            .withEnv("KC_DB_URL", "jdbc:postgresql://postgres:5432/" + POSTGRES.getDatabaseName())
            .withEnv("KC_DB_USERNAME", POSTGRES.getUsername())
            .withEnv("KC_DB_PASSWORD", POSTGRES.getPassword());

    @Test
    void importsTheHipaaRealmOnPostgres() {
        assertEquals("hipaa", KEYCLOAK.getKeycloakAdminClient().realm("hipaa").toRepresentation().getRealm());
    }

    @Test
    void servesHttpsWithModernTlsAndNoPlainHttp() throws Exception {
        HttpResponse<String> discovery = https(new String[] {"TLSv1.2"})
                .send(HttpRequest.newBuilder(URI.create(KEYCLOAK.getAuthServerUrl() + "/realms/hipaa/.well-known/openid-configuration")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, discovery.statusCode());
        assertTrue(discovery.sslSession().orElseThrow().getProtocol().startsWith("TLSv1."));

        String plain = "http://" + KEYCLOAK.getHost() + ":" + KEYCLOAK.getHttpPort() + "/realms/hipaa";
        assertThrows(IOException.class, () -> HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(plain)).build(), HttpResponse.BodyHandlers.discarding()));
    }

    @Test
    void reportsHealthAndMetricsOnTheManagementPort() throws Exception {
        HttpClient client = https(new String[] {"TLSv1.3", "TLSv1.2"});
        assertEquals(200, client.send(HttpRequest.newBuilder(URI.create(KEYCLOAK.getMgmtServerUrl() + "/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(200, client.send(HttpRequest.newBuilder(URI.create(KEYCLOAK.getMgmtServerUrl() + "/metrics")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    /** Trusts only the throwaway certificate the container library serves. */
    private static HttpClient https(String[] protocols) throws Exception {
        KeyStore trust = KeyStore.getInstance("JKS");
        try (InputStream jks = HipaaImageIT.class.getResourceAsStream("/tls.jks")) {
            trust.load(jks, "changeit".toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, factory.getTrustManagers(), null);
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(protocols);
        return HttpClient.newBuilder().sslContext(tls).sslParameters(parameters).build();
    }
}
