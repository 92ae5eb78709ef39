package org.hipaaiam.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real HTTP alert receiver: records each POST's body and signature, answers with scripted statuses (then 200). */
public final class WebhookReceiver implements AutoCloseable {

    public record Delivery(byte[] body, String signature, String deliveryId, int answeredWith) {
    }

    private final HttpServer server;
    private final Deque<Integer> scriptedStatuses = new ArrayDeque<>();
    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver listen(int port, Integer... firstStatuses) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 10);
        WebhookReceiver receiver = new WebhookReceiver(server);
        receiver.scriptedStatuses.addAll(List.of(firstStatuses));
        server.createContext("/alerts", receiver::handle);
        server.start();
        return receiver;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        int status;
        synchronized (scriptedStatuses) {
            status = scriptedStatuses.isEmpty() ? 200 : scriptedStatuses.poll();
        }
        deliveries.add(new Delivery(body, exchange.getRequestHeaders().getFirst("X-Hipaa-Signature"),
                exchange.getRequestHeaders().getFirst("X-Hipaa-Delivery"), status));
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
