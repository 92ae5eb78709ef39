package org.hipaaiam.events.audit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.hipaaiam.audit.ledger.LedgerConfig;
import org.hipaaiam.audit.ledger.ShardPeriod;
import org.keycloak.Config;

/**
 * The audit listener's settings (`--spi-events-listener--hipaa-audit--<key>`), read once at start-up.
 * Defaults keep the ledger in Keycloak's data folder and the signing key in its conf folder: the key must
 * never sit inside the ledger folder, or whoever rewrites the log could also re-sign it.
 */
record AuditConfig(Path ledgerDir, Path signingKeyFile, String keyName, ShardPeriod shardPeriod, Duration checkpointInterval,
                   Path alertOutboxDir) {

    static AuditConfig from(Config.Scope scope, Path keycloakHome) {
        Path ledgerDir = Path.of(scope.get("ledger-dir", keycloakHome.resolve("data/audit-ledger").toString()));
        Path keyFile = Path.of(scope.get("signing-key-file", keycloakHome.resolve("conf/audit-ledger.key").toString()));
        String keyName = scope.get("key-name", "keycloak-audit/" + hostname());
        if (keyName.isBlank() || keyName.chars().anyMatch(c -> Character.isWhitespace(c) || c == '+')) {
            throw new IllegalArgumentException("key-name must be non-empty without spaces or '+': " + keyName);
        }
        ShardPeriod period = ShardPeriod.valueOf(scope.get("shard-period", "YEAR").toUpperCase(Locale.ROOT));
        Duration interval = Duration.ofMillis(scope.getLong("checkpoint-interval-millis", 1000L));
        Path outbox = Path.of(scope.get("alert-outbox-dir", keycloakHome.resolve("data/alert-outbox").toString()));
        return new AuditConfig(ledgerDir, keyFile, keyName, period, interval, outbox);
    }

    LedgerConfig ledgerConfig() {
        return LedgerConfig.builder(ledgerDir, signingKeyFile)
                .shardPeriod(shardPeriod)
                .checkpointInterval(checkpointInterval)
                .build();
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
