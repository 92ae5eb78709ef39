package org.hipaaiam.testfixtures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway CA and a server certificate signed by it, made with the JDK's keytool, plus the
 * PEM files a syslog receiver reads: {@code ca.pem}, {@code server.pem}, {@code server-key.pem}.
 */
public final class TestCertificates {

    public static final char[] PASSWORD = "changeit".toCharArray();
    /** The name the receiver's certificate must carry when the forwarder connects to 127.0.0.1. */
    public static final String LOOPBACK = "ip:127.0.0.1";

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** @param serverName the server certificate's subject alternative name, e.g. {@link #LOOPBACK} */
    public static TestCertificates create(Path dir, String serverName)
            throws IOException, GeneralSecurityException, InterruptedException {
        Files.createDirectories(dir);
        TestCertificates certificates = new TestCertificates(dir);
        certificates.keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=Test SIEM CA", "-ext", "bc:c", "-validity", "2", "-keystore", "ca.p12");
        certificates.keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-file", "ca.pem");
        certificates.keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-validity", "2", "-keystore", "server.p12");
        certificates.keytool("-certreq", "-alias", "server", "-keystore", "server.p12", "-file", "server.csr");
        certificates.keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-infile", "server.csr",
                "-outfile", "server.pem", "-ext", "san=" + serverName, "-validity", "2");
        certificates.writeServerKeyPem();
        return certificates;
    }

    /** A PKCS#12 store with a client key and its certificate chain to the CA, for mutual TLS. */
    public Path clientKeyStore() throws IOException, InterruptedException {
        keytool("-genkeypair", "-alias", "client", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=kc1.hospital.example", "-validity", "2", "-keystore", "client.p12");
        keytool("-certreq", "-alias", "client", "-keystore", "client.p12", "-file", "client.csr");
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-infile", "client.csr",
                "-outfile", "client.pem", "-validity", "2");
        keytool("-importcert", "-alias", "ca", "-keystore", "client.p12", "-file", "ca.pem");
        keytool("-importcert", "-alias", "client", "-keystore", "client.p12", "-file", "client.pem");
        return dir.resolve("client.p12");
    }

    public Path caPem() {
        return dir.resolve("ca.pem");
    }

    public Path serverPem() {
        return dir.resolve("server.pem");
    }

    public Path serverKeyPem() {
        return dir.resolve("server-key.pem");
    }

    /** PKCS#8 PEM, which OpenSSL reads directly. */
    private void writeServerKeyPem() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(dir.resolve("server.p12").toFile(), PASSWORD);
        Key key = store.getKey("server", PASSWORD);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(serverKeyPem(), pem, StandardCharsets.US_ASCII);
    }

    private void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString(), "-noprompt", "-storetype", "PKCS12", "-storepass", new String(PASSWORD),
                "-keypass", new String(PASSWORD)));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("keytool " + arguments[0] + " failed: " + output);
        }
    }
}
