package org.hipaaiam.docker.production;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.hipaaiam.launcher.KeycloakInstallation;

/**
 * Nodes of the production build on one PostgreSQL database, discovering each other through it (JDBC_PING) with
 * cluster traffic on 127.0.0.1, behind one front door: the same public address, hostname and certificate for all.
 * Node 1 starts first and imports the realm; the others join it.
 */
public final class Cluster implements AutoCloseable {

    /** The front door's port, away from the nodes' own ports and from the defaults other builds use. */
    public static final int FRONT_DOOR_PORT = 18440;

    private final FrontDoor door;
    private final PublicAddress address;
    private final List<ProductionKeycloak> nodes;

    private Cluster(FrontDoor door, PublicAddress address, List<ProductionKeycloak> nodes) {
        this.door = door;
        this.address = address;
        this.nodes = nodes;
    }

    public static Cluster start(Deployment deployment, int size, Map<String, String> testOptions) throws Exception {
        Path tls = deployment.workDir().resolve("front-door-tls");
        KeycloakInstallation.deleteRecursively(tls);
        PublicAddress address = PublicAddress.localhost(FRONT_DOOR_PORT, tls);
        List<Node> members = new ArrayList<>();
        for (int number = 1; number <= size; number++) {
            members.add(Node.number(number));
        }
        FrontDoor door = FrontDoor.open(FRONT_DOOR_PORT, members, address.certificate().trustingClient());
        List<ProductionKeycloak> started = new ArrayList<>();
        Cluster cluster = new Cluster(door, address, started);
        try {
            for (Node member : members) {
                started.add(ProductionKeycloak.start(deployment, member, address, testOptions));
            }
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** Node 1, 2, ... */
    public ProductionKeycloak node(int number) {
        return nodes.get(number - 1);
    }

    public List<ProductionKeycloak> nodes() {
        return List.copyOf(nodes);
    }

    public FrontDoor door() {
        return door;
    }

    /** New connections through the front door go to this node only. */
    public void routeTo(ProductionKeycloak node) {
        door.routeTo(List.of(node.node()));
    }

    /** New connections through the front door go to every node in turn. */
    public void routeToAll() {
        door.routeTo(nodes.stream().map(ProductionKeycloak::node).toList());
    }

    public String publicUrl() {
        return address.url();
    }

    public String realmUrl(String realm) {
        return address.url() + "/realms/" + realm;
    }

    /** Trusts the certificate every node serves, and nothing else. */
    public SSLContext tls() throws IOException, GeneralSecurityException {
        return address.certificate().trustingClient();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            for (int i = nodes.size() - 1; i >= 0; i--) {
                nodes.get(i).close();
            }
        } finally {
            door.close();
        }
    }
}
