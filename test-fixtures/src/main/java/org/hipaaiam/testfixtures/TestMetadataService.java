package org.hipaaiam.testfixtures;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A FIDO metadata service of the tests' own: a root, a BLOB signer certified by it, CRLs, and MDS3 BLOBs signed
 * as the real service signs them (RS256 JWS, the signer in `x5c`).
 */
public final class TestMetadataService {

    public static final String FINGERPRINT = "fingerprint_internal";
    public static final String PASSCODE = "passcode_internal";

    public final KeyPair rootKey = rsa();
    public final X509Certificate root;
    public final KeyPair signerKey = rsa();
    public final X509Certificate signer;
    /** An attestation root for the models' statements, and its key to certify authenticators' attestation keys. */
    public final KeyPair attestationRootKey = rsa();
    public final X509Certificate attestationRoot;

    public TestMetadataService(String name) throws Exception {
        root = certificate("CN=" + name + " Root", rootKey, "CN=" + name + " Root", rootKey.getPrivate(), true, 1);
        signer = certificate("CN=" + name + " BLOB Signer", signerKey, "CN=" + name + " Root", rootKey.getPrivate(), false, 2);
        attestationRoot = certificate("CN=" + name + " Attestation Root", attestationRootKey, "CN=" + name + " Attestation Root",
                attestationRootKey.getPrivate(), true, 3);
    }

    /** A model entry: its AAGUID, its status reports (status, effective date) and its user verification alternatives. */
    public Map<String, Object> entry(String aaguid, List<List<String>> statuses, List<List<String>> alternatives) throws Exception {
        return entry(aaguid, statuses, alternatives, List.of(attestationRoot));
    }

    /** The same, with the attestation roots the model's statement names. */
    public Map<String, Object> entry(String aaguid, List<List<String>> statuses, List<List<String>> alternatives,
                                     List<X509Certificate> attestationRoots) throws Exception {
        List<Object> uv = new ArrayList<>();
        for (List<String> alternative : alternatives) {
            uv.add(alternative.stream().map(method -> Map.of("userVerificationMethod", method)).toList());
        }
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("legalHeader", "test");
        statement.put("aaguid", aaguid);
        statement.put("description", "Test key " + aaguid.substring(0, 8));
        statement.put("authenticatorVersion", 1);
        statement.put("protocolFamily", "fido2");
        statement.put("schema", 3);
        statement.put("upv", List.of(Map.of("major", 1, "minor", 0)));
        statement.put("authenticationAlgorithms", List.of("secp256r1_ecdsa_sha256_raw"));
        statement.put("publicKeyAlgAndEncodings", List.of("cose"));
        statement.put("attestationTypes", List.of("basic_full"));
        statement.put("userVerificationDetails", uv);
        statement.put("keyProtection", List.of("hardware", "secure_element"));
        statement.put("matcherProtection", List.of("on_chip"));
        statement.put("cryptoStrength", 128);
        statement.put("attachmentHint", List.of("external", "wired"));
        statement.put("tcDisplay", List.of());
        List<String> roots = new ArrayList<>();
        for (X509Certificate root : attestationRoots) {
            roots.add(Base64.getEncoder().encodeToString(root.getEncoded()));
        }
        statement.put("attestationRootCertificates", roots);
        List<Object> reports = statuses.stream().map(s -> (Object) Map.of("status", s.get(0), "effectiveDate", s.get(1))).toList();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("aaguid", aaguid);
        entry.put("metadataStatement", statement);
        entry.put("statusReports", reports);
        entry.put("timeOfLastStatusChange", statuses.get(statuses.size() - 1).get(1));
        return entry;
    }

    /** A BLOB with these entries, signed by {@link #signer}. */
    public String blob(int number, String nextUpdate, List<Map<String, Object>> entries) throws Exception {
        return blob(number, nextUpdate, entries, signerKey.getPrivate(), signer);
    }

    public String blob(int number, String nextUpdate, List<Map<String, Object>> entries, PrivateKey key, X509Certificate x5c)
            throws Exception {
        Map<String, Object> header = Map.of("alg", "RS256", "typ", "JWT",
                "x5c", List.of(Base64.getEncoder().encodeToString(x5c.getEncoded())));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("legalHeader", "Test metadata, not for production.");
        payload.put("no", number);
        payload.put("nextUpdate", nextUpdate);
        payload.put("entries", entries);
        String signedPart = base64Url(json(header)) + "." + base64Url(json(payload));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update(signedPart.getBytes(StandardCharsets.US_ASCII));
        return signedPart + "." + base64Url(rs256.sign());
    }

    /** A CRL of {@link #root}, revoking these serial numbers. */
    public Path crl(Path file, BigInteger... revoked) throws Exception {
        Date now = new Date();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(new X500Name(root.getSubjectX500Principal().getName()), now);
        builder.setNextUpdate(Date.from(Instant.now().plus(30, ChronoUnit.DAYS)));
        for (BigInteger serial : revoked) {
            builder.addCRLEntry(serial, now, CRLReason.keyCompromise);
        }
        X509CRL crl = new JcaX509CRLConverter().getCRL(builder.build(
                new JcaContentSignerBuilder("SHA256withRSA").build(rootKey.getPrivate())));
        Files.write(file, crl.getEncoded());
        return file;
    }

    public static X509Certificate certificate(String subject, KeyPair key, String issuer, PrivateKey issuerKey, boolean ca,
                                       long serial) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(serial),
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(365, ChronoUnit.DAYS)),
                new X500Name(subject), key.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca
                ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
    }

    public static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PEM form of a certificate, as an admin stores the FIDO root. */
    public static String pem(X509Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    /** JSON of maps, lists, strings and numbers: all a BLOB needs. */
    private static byte[] json(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(StringBuilder out, Object value) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            String comma = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(comma);
                write(out, entry.getKey().toString());
                out.append(':');
                write(out, entry.getValue());
                comma = ",";
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            String comma = "";
            for (Object item : list) {
                out.append(comma);
                write(out, item);
                comma = ",";
            }
            out.append(']');
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            out.append('"');
            for (char c : value.toString().toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
