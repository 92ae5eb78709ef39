package org.hipaaiam.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP endpoint standing in for a relying party: records each request's query or form parameters
 * and answers 200, so the browser lands on it as it would on the app.
 */
public final class CallbackReceiver implements AutoCloseable {

    public record Received(String method, String path, Map<String, String> params) {
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    private CallbackReceiver(HttpServer server) {
        this.server = server;
    }

    public static CallbackReceiver listen(int port, String path) throws IOException {
        return listen("localhost", port, path);
    }

    /** The same on one address, such as the loopback IP a native app's redirect URI names. */
    public static CallbackReceiver listen(String host, int port, String path) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 10);
        CallbackReceiver receiver = new CallbackReceiver(server);
        server.createContext(path, receiver::handle);
        server.start();
        return receiver;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String raw = "POST".equals(exchange.getRequestMethod())
                ? new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                : exchange.getRequestURI().getRawQuery();
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), parse(raw)));
        byte[] body = "<html><body><h1 id=\"received\">received</h1></body></html>".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        // No keep-alive: a client must not reuse a pooled connection to a receiver a previous test closed.
        exchange.getResponseHeaders().add("Connection", "close");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** Waits for the next request; fails the test with a clear message if none arrives. */
    public Received next() throws InterruptedException {
        Received next = received.poll(30, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("No request reached " + server.getAddress() + " within 30 s");
        }
        return next;
    }

    static Map<String, String> parse(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
