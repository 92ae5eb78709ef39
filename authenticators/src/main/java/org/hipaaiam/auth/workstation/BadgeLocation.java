package org.hipaaiam.auth.workstation;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.keycloak.common.util.Time;
import org.keycloak.models.RealmModel;

/**
 * Whether badge + PIN may be used where a request comes from, and on what grounds: a registered workstation's
 * network (most specific match wins), a network listed in the realm attribute {@value #NETWORKS}, or a declared
 * realm-wide emergency (realm attribute {@value #EMERGENCY_UNTIL}, epoch seconds on Keycloak's clock).
 * Anywhere else the realm's password + one-time-code path applies.
 */
public record BadgeLocation(Basis basis, Optional<Workstation> workstation) {

    public static final String NETWORKS = "hipaa.badge.networks";
    public static final String EMERGENCY_UNTIL = "hipaa.emergency.declared.until";

    public enum Basis { WORKSTATION, NETWORK, EMERGENCY, NONE }

    public boolean allowsBadge() {
        return basis != Basis.NONE;
    }

    public static BadgeLocation of(InetAddress client, List<Workstation> workstations, List<Cidr> networks, boolean emergency) {
        Optional<Workstation> workstation = client == null ? Optional.empty() : workstations.stream()
                .filter(w -> w.network().isPresent() && w.network().get().contains(client))
                .max(Comparator.comparingInt(w -> w.network().get().prefix()));
        if (workstation.isPresent()) {
            return new BadgeLocation(Basis.WORKSTATION, workstation);
        }
        if (client != null && networks.stream().anyMatch(n -> n.contains(client))) {
            return new BadgeLocation(Basis.NETWORK, Optional.empty());
        }
        return new BadgeLocation(emergency ? Basis.EMERGENCY : Basis.NONE, Optional.empty());
    }

    /** The location of a request to this realm now. A malformed network list allows nothing rather than everything. */
    public static BadgeLocation of(RealmModel realm, String remoteAddress) {
        List<Cidr> networks;
        try {
            networks = Cidr.parseList(realm.getAttribute(NETWORKS));
        } catch (IllegalArgumentException e) {
            networks = List.of();
        }
        return of(address(remoteAddress), new WorkstationRegistry(realm).all(), networks,
                emergencyActive(realm.getAttribute(EMERGENCY_UNTIL), Time.currentTime()));
    }

    static boolean emergencyActive(String until, long nowSeconds) {
        if (until == null || until.isBlank()) {
            return false;
        }
        try {
            return nowSeconds < Long.parseLong(until.trim());
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public static InetAddress address(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return null;
        }
        try {
            return InetAddress.getByAddress(Cidr.parse(remoteAddress).network());
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }
}
