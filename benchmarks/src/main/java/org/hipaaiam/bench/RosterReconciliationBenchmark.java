package org.hipaaiam.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hipaaiam.launcher.KeycloakInstallation;

/**
 * A full HR roster reconciled against a realm of many accounts: the realm holds -Dbench.accounts (10000)
 * workforce accounts, HR's roster lists all but -Dbench.departed (500) of them. One signed dry run is timed,
 * then, on the same server, one signed apply that disables the departed accounts and ends their sessions.
 */
public final class RosterReconciliationBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FIRST_EMPLOYEE = 5_000_000;

    private RosterReconciliationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("bench.workDir")));
        int accounts = Integer.getInteger("bench.accounts", 10_000);
        int departed = Integer.getInteger("bench.departed", 500);
        Path realm = withWorkforce(Path.of(System.getProperty("bench.realmFile")), work.resolve("hipaa-realm-roster.json"), accounts);
        KeycloakInstallation installation = new KeycloakInstallation(Path.of(System.getProperty("bench.distZip")), work.resolve("keycloak"));
        installation.unpackIfAbsent();
        Path providers = BenchKeycloak.providerSelection(Path.of(System.getProperty("bench.providers")), work.resolve("providers-lifecycle"),
                List.of("hipaa-themes", "hipaa-event-listeners", "hipaa-audit-ledger", "hipaa-audit-siem", "hipaa-lifecycle"));
        try (BenchKeycloak keycloak = BenchKeycloak.start(installation, providers, realm, work.resolve("keycloak-roster.log"))) {
            String realmUrl = BenchKeycloak.BASE_URL + "/realms/hipaa";
            HrFeedCaller hr = new HrFeedCaller(realmUrl);
            ObjectNode roster = JSON.createObjectNode().put("type", "roster").put("rosterId", "bench-" + System.currentTimeMillis());
            ArrayNode numbers = roster.putArray("employeeNumbers");
            for (int i = departed; i < accounts; i++) {
                numbers.add(Integer.toString(FIRST_EMPLOYEE + i));
            }
            byte[] body = JSON.writeValueAsBytes(roster);
            String rosterId = roster.get("rosterId").asText();
            String bearer = hr.token();
            JsonNode dryRun = timed(hr, "roster?mode=dry-run", body, bearer, "dry run", accounts, departed);
            JsonNode apply = timed(hr, "roster?mode=apply&confirm=" + rosterId, body, hr.token(), "apply", accounts, departed);
            System.out.printf("Dry run would disable %d; apply disabled %d%n", dryRun.path("toDisable").size(), apply.path("disabled").size());
        }
    }

    private static JsonNode timed(HrFeedCaller hr, String path, byte[] body, String bearer, String mode, int accounts, int departed)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> answer = hr.post(path, body, bearer);
        double seconds = (System.nanoTime() - start) / 1e9;
        JsonNode result = JSON.readTree(answer.body());
        System.out.printf("%nRoster of %d employees against %d accounts (%d departed), %s: HTTP %d in %.2f s; to disable %d, disabled %d, missing %d%n",
                accounts - departed, accounts, departed, mode, answer.statusCode(), seconds,
                result.path("toDisable").size(), result.path("disabled").size(), result.path("missing").size());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Roster " + mode + " refused: " + answer.body());
        }
        return result;
    }

    /** The shipped realm plus many workforce accounts `zroster5000000`... with employee numbers, no credentials. */
    private static Path withWorkforce(Path source, Path target, int count) throws IOException {
        ObjectNode realm = (ObjectNode) JSON.readTree(source.toFile());
        ArrayNode users = realm.withArray("users");
        for (int i = 0; i < count; i++) {
            String employee = Integer.toString(FIRST_EMPLOYEE + i);
            ObjectNode user = users.addObject().put("username", "zroster" + employee).put("enabled", true)
                    .put("firstName", "Zoe").put("lastName", "Roster");
            user.putObject("attributes").putArray("employeeNumber").add(employee);
        }
        JSON.writeValue(target.toFile(), realm);
        return target;
    }

}
