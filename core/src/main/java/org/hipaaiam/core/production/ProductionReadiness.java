package org.hipaaiam.core.production;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.keycloak.common.util.Environment;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;

/**
 * Outside development mode the bundle refuses to start while a published demo value is in use: a demo account
 * in any realm, a demo or unresolved client secret, a demo realm attribute, or a demo file staged for import.
 * Checked once the realms are imported (Keycloak publishes {@link PostMigrationEvent} after the import).
 */
public final class ProductionReadiness {

    private ProductionReadiness() {
    }

    /** Registers the check; the run command and the tests run in development mode, where it stays off. */
    public static void enforceOnStart(KeycloakSessionFactory factory, Path importDir) {
        if (Environment.isDevMode()) {
            return;
        }
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                List<String> found = KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> findings(session, importDir));
                if (!found.isEmpty()) {
                    throw new IllegalStateException("Refusing to start in production mode with published demo values:\n  - "
                            + String.join("\n  - ", found));
                }
            }
        });
    }

    static List<String> findings(KeycloakSession session, Path importDir) {
        DemoValues.Findings findings = new DemoValues.Findings();
        session.realms().getRealmsStream().forEach(realm -> check(session, realm, findings));
        if (importDir != null && Files.isDirectory(importDir)) {
            try (Stream<Path> files = Files.list(importDir)) {
                files.filter(file -> file.toString().endsWith(".json")).forEach(file -> findings.importFile(file.toString(), read(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return findings.all();
    }

    private static void check(KeycloakSession session, RealmModel realm, DemoValues.Findings findings) {
        // User lookups need a realm in the context; at start-up there is none.
        session.getContext().setRealm(realm);
        for (String username : DemoValues.USERNAMES) {
            if (session.users().getUserByUsername(realm, username) != null) {
                findings.demoUser(realm.getName(), username);
            }
        }
        realm.getClientsStream().filter(client -> !client.isPublicClient() && client.getSecret() != null)
                .forEach(client -> findings.clientSecret(realm.getName(), client.getClientId(), client.getSecret()));
        realm.getAttributes().forEach((key, value) -> findings.realmAttribute(realm.getName(), key, value));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
