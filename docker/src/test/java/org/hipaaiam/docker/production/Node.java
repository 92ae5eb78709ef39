package org.hipaaiam.docker.production;

/**
 * One server of a test deployment on a shared machine: its own ports, away from the defaults (8080, 8443, 9000)
 * other builds use, and its own name, which also names its ledger signer. Nodes of one cluster differ by number.
 */
public record Node(String name, int httpsPort, int httpPort, int managementPort, int clusterPort) {

    /** Node 1 serves HTTPS on 18443, management on 19000, cluster traffic on 17800; node 2 one port higher each. */
    public static Node number(int number) {
        if (number < 1 || number > 9) {
            throw new IllegalArgumentException("node numbers run from 1 to 9: " + number);
        }
        int offset = number - 1;
        return new Node("node-" + number, 18443 + offset, 18080 + offset, 19000 + offset, 17800 + offset);
    }

    public String signerName() {
        return "keycloak-audit/" + name;
    }
}
