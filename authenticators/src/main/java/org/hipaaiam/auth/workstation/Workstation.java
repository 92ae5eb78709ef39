package org.hipaaiam.auth.workstation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A registered workstation: id, class, location, the network its requests come from and, optionally, its badge
 * reader's public key for signed tap assertions.
 */
public record Workstation(String id, WorkstationClass workstationClass, String location, Optional<Cidr> network,
                          Optional<ReaderKey> readerKey) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    /**
     * Builds a workstation from admin input; throws {@link IllegalArgumentException} with a reason on bad input.
     * A workstation needs a network or a reader key, or nothing could tell it apart.
     */
    public static Workstation of(String id, Map<String, ?> fields) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be 2-63 lower-case letters, digits or '-'");
        }
        Object classField = fields.get("class");
        WorkstationClass workstationClass = WorkstationClass.fromWire(classField instanceof String s ? s : null).orElseThrow(() ->
                new IllegalArgumentException("class must be one of clinical, administrative, kiosk, mobile-cart"));
        String location = text(fields, "location").orElseThrow(() -> new IllegalArgumentException("location is required"));
        if (location.length() > 200) {
            throw new IllegalArgumentException("location is longer than 200 characters");
        }
        Optional<Cidr> network = text(fields, "network").map(Cidr::parse);
        Optional<ReaderKey> key = text(fields, "publicKey").map(ReaderKey::parsePem);
        if (network.isEmpty() && key.isEmpty()) {
            throw new IllegalArgumentException("a workstation needs a network, a reader publicKey, or both");
        }
        return new Workstation(id, workstationClass, location, network, key);
    }

    /** True when a request from this address may be this workstation's: inside its network, if it has one. */
    public boolean comesFrom(java.net.InetAddress address) {
        return network.isEmpty() || (address != null && network.get().contains(address));
    }

    /** The representation stored and answered by the admin API. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id);
        map.put("class", workstationClass.wireName());
        map.put("location", location);
        network.ifPresent(n -> map.put("network", n.text()));
        readerKey.ifPresent(k -> map.put("publicKey", k.pem()));
        return map;
    }

    private static Optional<String> text(Map<String, ?> fields, String name) {
        Object value = fields.get(name);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException(name + " must be a string");
        }
        return Optional.ofNullable((String) value).map(String::trim).filter(s -> !s.isEmpty());
    }
}
