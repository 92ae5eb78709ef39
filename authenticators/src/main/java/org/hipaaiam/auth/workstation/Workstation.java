package org.hipaaiam.auth.workstation;

import java.net.InetAddress;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A registered workstation: id, class, location, the network its requests come from and, optionally, its badge
 * reader's public key for signed tap assertions.
 */
public record Workstation(String id, WorkstationClass workstationClass, String location, Optional<Cidr> network,
                          Optional<ReaderKey> readerKey) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final int MAX_LOCATION = 200;

    /**
     * Builds a workstation from its description (admin input or its stored form); throws {@link InvalidWorkstation}
     * with a reason on bad input. A workstation needs a network or a reader key, or nothing could tell it apart.
     */
    public static Workstation of(WorkstationView fields) {
        String id = fields.id();
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidWorkstation("id must be 2-63 lower-case letters, digits or '-'");
        }
        WorkstationClass workstationClass = WorkstationClass.fromWire(fields.workstationClass()).orElseThrow(() ->
                new InvalidWorkstation("class must be one of clinical, administrative, kiosk, mobile-cart"));
        String location = present(fields.location()).orElseThrow(() -> new InvalidWorkstation("location is required"));
        if (location.length() > MAX_LOCATION) {
            throw new InvalidWorkstation("location is longer than " + MAX_LOCATION + " characters");
        }
        Optional<Cidr> network = present(fields.network()).map(text -> parsed(Cidr::parse, text));
        Optional<ReaderKey> key = present(fields.publicKey()).map(text -> parsed(ReaderKey::parsePem, text));
        if (network.isEmpty() && key.isEmpty()) {
            throw new InvalidWorkstation("a workstation needs a network, a reader publicKey, or both");
        }
        return new Workstation(id, workstationClass, location, network, key);
    }

    /** True when a request from this address may be this workstation's: inside its network, if it has one. */
    public boolean comesFrom(InetAddress address) {
        return network.isEmpty() || (address != null && network.get().contains(address));
    }

    /** The representation stored and answered by the admin API. */
    public WorkstationView view() {
        return new WorkstationView(id, workstationClass.wireName(), location, network.map(Cidr::text).orElse(null),
                readerKey.map(ReaderKey::pem).orElse(null));
    }

    private static <T> T parsed(Function<String, T> parser, String text) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException bad) {
            throw new InvalidWorkstation(bad.getMessage());
        }
    }

    private static Optional<String> present(String text) {
        return Optional.ofNullable(text).map(String::trim).filter(s -> !s.isEmpty());
    }
}
