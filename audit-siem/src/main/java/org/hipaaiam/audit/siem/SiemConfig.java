package org.hipaaiam.audit.siem;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link SiemForwarder}, read once at start. Defaults are the constants below.
 *
 * @param ledgerDirectory the audit ledger's folder (read only)
 * @param cursorFile where the forwarding position is kept; must not lie inside a shard folder
 * @param host the SIEM's syslog receiver; also the name its certificate must carry
 * @param port RFC 5425 port
 * @param trustStore CA certificates the receiver's certificate must chain to: a PEM file, or a PKCS#12/JKS store
 * @param trustStorePassword password of a PKCS#12/JKS trust store; null for PEM or none
 * @param clientKeyStore PKCS#12/JKS key store with this node's client certificate (mutual TLS); null for none
 * @param clientKeyStorePassword password of the client key store and its key
 * @param facility syslog facility of every message
 * @param hostname the HOSTNAME field of every message
 * @param pollInterval how often the ledger is checked for new checkpoints when not nudged
 * @param initialBackoff first wait after a failed connection or write
 * @param maxBackoff longest wait between reconnection attempts
 * @param cursorSaveRecords records sent after which the cursor is saved (bounds duplicates after a crash)
 * @param cursorSaveInterval time after which a moved cursor is saved
 * @param connectTimeout TCP connect and TLS handshake limit
 */
public record SiemConfig(Path ledgerDirectory, Path cursorFile, String host, int port, Path trustStore,
                         char[] trustStorePassword, Path clientKeyStore, char[] clientKeyStorePassword,
                         SyslogFacility facility, String hostname, Duration pollInterval, Duration initialBackoff,
                         Duration maxBackoff, int cursorSaveRecords, Duration cursorSaveInterval,
                         Duration connectTimeout) {

    public static final int DEFAULT_PORT = 6514;
    public static final SyslogFacility DEFAULT_FACILITY = SyslogFacility.AUTHPRIV;
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(200);
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);
    public static final int DEFAULT_CURSOR_SAVE_RECORDS = 1000;
    public static final Duration DEFAULT_CURSOR_SAVE_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public SiemConfig {
        Objects.requireNonNull(ledgerDirectory, "ledgerDirectory");
        Objects.requireNonNull(cursorFile, "cursorFile");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(trustStore, "trustStore: the receiver's certificate must be verified");
        Objects.requireNonNull(facility, "facility");
        Objects.requireNonNull(hostname, "hostname");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (pollInterval.isNegative() || pollInterval.isZero() || initialBackoff.isNegative()
                || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("pollInterval and initialBackoff must be positive,"
                    + " maxBackoff at least initialBackoff");
        }
        if (cursorSaveRecords < 1 || cursorSaveInterval.isNegative() || connectTimeout.isNegative()
                || connectTimeout.isZero()) {
            throw new IllegalArgumentException("cursorSaveRecords, cursorSaveInterval and connectTimeout must be positive");
        }
        if (hostname.isEmpty() || hostname.length() > 255 || !hostname.chars().allMatch(c -> c >= 33 && c <= 126)) {
            throw new IllegalArgumentException("hostname must be 1-255 printable US-ASCII characters: " + hostname);
        }
    }

    public static Builder builder(Path ledgerDirectory, Path cursorFile, String host, Path trustStore) {
        return new Builder(ledgerDirectory, cursorFile, host, trustStore);
    }

    /** This machine's name, as RFC 5424 prefers (FQDN, else hostname); "-" (nil) if unknown. */
    static String localHostname() {
        try {
            String name = InetAddress.getLocalHost().getCanonicalHostName();
            return name.chars().allMatch(c -> c >= 33 && c <= 126) && !name.isEmpty() ? name : "-";
        } catch (UnknownHostException e) {
            return "-";
        }
    }

    public static final class Builder {
        private final Path ledgerDirectory;
        private final Path cursorFile;
        private final String host;
        private final Path trustStore;
        private int port = DEFAULT_PORT;
        private char[] trustStorePassword;
        private Path clientKeyStore;
        private char[] clientKeyStorePassword;
        private SyslogFacility facility = DEFAULT_FACILITY;
        private String hostname;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private int cursorSaveRecords = DEFAULT_CURSOR_SAVE_RECORDS;
        private Duration cursorSaveInterval = DEFAULT_CURSOR_SAVE_INTERVAL;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

        private Builder(Path ledgerDirectory, Path cursorFile, String host, Path trustStore) {
            this.ledgerDirectory = ledgerDirectory;
            this.cursorFile = cursorFile;
            this.host = host;
            this.trustStore = trustStore;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder trustStorePassword(char[] value) {
            trustStorePassword = value;
            return this;
        }

        public Builder clientKeyStore(Path store, char[] password) {
            clientKeyStore = store;
            clientKeyStorePassword = password;
            return this;
        }

        public Builder facility(SyslogFacility value) {
            facility = value;
            return this;
        }

        public Builder hostname(String value) {
            hostname = value;
            return this;
        }

        public Builder pollInterval(Duration value) {
            pollInterval = value;
            return this;
        }

        public Builder backoff(Duration initial, Duration max) {
            initialBackoff = initial;
            maxBackoff = max;
            return this;
        }

        public Builder cursorSave(int records, Duration interval) {
            cursorSaveRecords = records;
            cursorSaveInterval = interval;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        public SiemConfig build() {
            return new SiemConfig(ledgerDirectory, cursorFile, host, port, trustStore, trustStorePassword,
                    clientKeyStore, clientKeyStorePassword, facility, hostname != null ? hostname : localHostname(),
                    pollInterval, initialBackoff, maxBackoff, cursorSaveRecords, cursorSaveInterval, connectTimeout);
        }
    }
}
