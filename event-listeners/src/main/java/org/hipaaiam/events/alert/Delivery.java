package org.hipaaiam.events.alert;

/**
 * One pending notification: a channel, the realm whose settings address and sign it, and the alert JSON.
 * Secrets are never stored in the outbox; the webhook secret is looked up when the delivery is sent.
 */
public record Delivery(String id, Channel channel, String realmId, byte[] alertJson, int attempts, long notBefore) {

    public enum Channel { WEBHOOK, EMAIL }

    public Delivery retryLater(long now) {
        long backoff = Math.min(300_000L, 1000L << Math.min(attempts, 16));
        return new Delivery(id, channel, realmId, alertJson, attempts + 1, now + backoff);
    }
}
