package org.hipaaiam.testfixtures;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP alert receiver: records each POST's body and signature. It accepts everything, or, as an
 * unreliable receiver, refuses the first attempt of every delivery with 503 and accepts its retry.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request: `target` is its path and query as received, which the v2 signature covers. */
    public record Delivery(byte[] body, String signature, String deliveryId, int answeredWith, URI target) {
    }

    private final HttpServer server;
    private final boolean refuseFirstAttempts;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

    private WebhookReceiver(HttpServer server, boolean refuseFirstAttempts) {
        this.server = server;
        this.refuseFirstAttempts = refuseFirstAttempts;
    }

    public static WebhookReceiver listen(int port) throws IOException {
        return start(port, false);
    }

    public static WebhookReceiver refusingFirstAttempts(int port) throws IOException {
        return start(port, true);
    }

    private static WebhookReceiver start(int port, boolean refuseFirstAttempts) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 10);
        WebhookReceiver receiver = new WebhookReceiver(server, refuseFirstAttempts);
        server.createContext("/alerts", receiver::handle);
        server.start();
        return receiver;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String deliveryId = exchange.getRequestHeaders().getFirst("X-Hipaa-Delivery");
        int status = refuseFirstAttempts && seen.add(String.valueOf(deliveryId)) ? 503 : 200;
        deliveries.add(new Delivery(body, exchange.getRequestHeaders().getFirst("X-Hipaa-Signature"), deliveryId, status,
                exchange.getRequestURI()));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** The next request that reached the receiver, whatever it answered. */
    public Delivery next(long timeoutSeconds) throws InterruptedException {
        Delivery next = deliveries.poll(timeoutSeconds, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("No alert reached the webhook receiver within " + timeoutSeconds + " s");
        }
        return next;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
