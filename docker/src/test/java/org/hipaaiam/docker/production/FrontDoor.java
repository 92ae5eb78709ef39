package org.hipaaiam.docker.production;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cluster's public address, as a hospital's load balancer gives it: a TCP pass-through on 127.0.0.1 that hands
 * each new connection to one of the nodes (TLS ends on the node, so both nodes serve the same certificate), in
 * turn, skipping a node that refuses connections. Re-routing closes the open connections, so clients reconnect.
 */
public final class FrontDoor implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private final ServerSocket listener;
    private final ExecutorService pumps = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "front-door");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger turn = new AtomicInteger();
    private volatile List<Node> routes;

    private FrontDoor(ServerSocket listener, List<Node> routes) {
        this.listener = listener;
        this.routes = routes;
    }

    public static FrontDoor open(int port, List<Node> routes) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        FrontDoor door = new FrontDoor(listener, List.copyOf(routes));
        door.pumps.submit(door::acceptLoop);
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

    private void serve(Socket client) {
        open.add(client);
        Socket node = connectToANode();
        if (node == null) {
            // Nobody to serve it: the client sees its connection closed, as behind a load balancer with no node up.
            closeQuietly(client);
            open.remove(client);
            return;
        }
        open.add(node);
        pumps.submit(() -> pump(node, client));
        pump(client, node);
    }

    private Socket connectToANode() {
        List<Node> candidates = routes;
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
