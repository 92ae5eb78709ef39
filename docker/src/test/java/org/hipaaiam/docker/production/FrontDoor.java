package org.hipaaiam.docker.production;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * The cluster's public address, as a hospital's load balancer gives it: a TCP pass-through on 127.0.0.1 that hands
 * each new connection to one of the nodes (TLS ends on the node, so both nodes serve the same certificate), in
 * turn. Like a load balancer's health check, it asks each node's management port for `/health/ready` twice a
 * second and sends connections only to nodes that answered 200 (and that accept the connection): a node that is
 * still starting gets none. Re-routing closes the open connections, so clients reconnect.
 */
public final class FrontDoor implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
    private static final Duration HEALTH_INTERVAL = Duration.ofMillis(500);

    private final ServerSocket listener;
    private final ExecutorService pumps = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "front-door");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger turn = new AtomicInteger();
    private final List<Node> members;
    private final Set<Node> ready = ConcurrentHashMap.newKeySet();
    private final HttpClient health;
    private volatile List<Node> routes;

    private FrontDoor(ServerSocket listener, List<Node> members, SSLContext tls) {
        this.listener = listener;
        this.members = members;
        this.routes = members;
        this.health = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(1)).build();
    }

    /** @param tls trusts the certificate the nodes' management ports serve */
    public static FrontDoor open(int port, List<Node> members, SSLContext tls) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        FrontDoor door = new FrontDoor(listener, List.copyOf(members), tls);
        door.pumps.submit(door::acceptLoop);
        door.pumps.submit(door::healthLoop);
        return door;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** From now on new connections go to these nodes only; open connections are closed. */
    public void routeTo(List<Node> nodes) {
        routes = List.copyOf(nodes);
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                pumps.submit(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void healthLoop() {
        while (!listener.isClosed()) {
            for (Node node : members) {
                if (answersReady(node)) {
                    ready.add(node);
                } else {
                    ready.remove(node);
                }
            }
            try {
                Thread.sleep(HEALTH_INTERVAL.toMillis());
            } catch (InterruptedException closing) {
                return;
            }
        }
    }

    private boolean answersReady(Node node) {
        HttpRequest probe = HttpRequest.newBuilder(URI.create("https://localhost:" + node.managementPort() + "/health/ready"))
                .timeout(Duration.ofSeconds(1)).build();
        try {
            return health.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException down) {
            return false;
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void serve(Socket client) {
        open.add(client);
        Socket node = connectToANode();
        if (node == null) {
            // Nobody to serve it: the client sees its connection closed, as behind a load balancer with no node ready.
            closeQuietly(client);
            open.remove(client);
            return;
        }
        open.add(node);
        pumps.submit(() -> pump(node, client));
        pump(client, node);
    }

    private Socket connectToANode() {
        List<Node> candidates = routes.stream().filter(ready::contains).toList();
        int first = Math.floorMod(turn.getAndIncrement(), Math.max(1, candidates.size()));
        for (int i = 0; i < candidates.size(); i++) {
            Node target = candidates.get((first + i) % candidates.size());
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target.httpsPort()), CONNECT_TIMEOUT_MILLIS);
                socket.setTcpNoDelay(true);
                return socket;
            } catch (IOException refused) {
                closeQuietly(socket);
            }
        }
        return null;
    }

    /** Copies one direction until it ends, then closes both sides. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException ended) {
            // one side went away: the other is closed below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        routeTo(List.of());
        pumps.shutdownNow();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is best effort
        }
    }
}
