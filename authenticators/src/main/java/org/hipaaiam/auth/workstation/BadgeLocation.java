package org.hipaaiam.auth.workstation;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hipaaiam.core.settings.RealmSettings;
import org.hipaaiam.core.settings.Setting;
import org.hipaaiam.core.vocabulary.DeclaredEmergencyAttributes;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Whether badge + PIN may be used where a request comes from, and on what grounds: a registered workstation's
 * network (most specific match wins), a network listed in the realm attribute `hipaa.badge.networks`, or, during a
 * declared realm-wide emergency ({@link DeclaredEmergencyAttributes#UNTIL}, epoch seconds on Keycloak's clock), a
 * clinical network listed in `hipaa.badge.emergencyNetworks`. An emergency never opens badge + PIN to addresses
 * outside those networks (the internet included); there the realm's password + one-time-code path applies.
 */
public record BadgeLocation(Basis basis, Optional<Workstation> workstation) {

    /** Networks where badge + PIN is allowed without a registered workstation; a malformed list allows nothing. */
    public static final Setting<List<Cidr>> NETWORKS = Setting.parsed("hipaa.badge.networks", List.<Cidr>of(), Cidr::parseList)
            .strictest(List.of());
    /**
     * Clinical networks where badge + PIN is offered during a declared emergency only (wards whose workstations are
     * not registered yet, overflow areas); none by default, so an emergency widens nothing; a malformed list allows nothing.
     */
    public static final Setting<List<Cidr>> EMERGENCY_NETWORKS = Setting.parsed("hipaa.badge.emergencyNetworks", List.<Cidr>of(),
            Cidr::parseList).strictest(List.of());

    public enum Basis { WORKSTATION, NETWORK, EMERGENCY, NONE }

    public boolean allowsBadge() {
        return basis != Basis.NONE;
    }

    public static BadgeLocation of(InetAddress client, List<Workstation> workstations, List<Cidr> networks, List<Cidr> emergencyNetworks,
            boolean emergency) {
        Optional<Workstation> workstation = client == null ? Optional.empty() : workstations.stream()
                .filter(w -> w.network().isPresent() && w.network().get().contains(client))
                .max(Comparator.comparingInt(w -> w.network().get().prefix()));
        if (workstation.isPresent()) {
            return new BadgeLocation(Basis.WORKSTATION, workstation);
        }
        if (within(client, networks)) {
            return new BadgeLocation(Basis.NETWORK, Optional.empty());
        }
        return new BadgeLocation(emergency && within(client, emergencyNetworks) ? Basis.EMERGENCY : Basis.NONE, Optional.empty());
    }

    private static boolean within(InetAddress client, List<Cidr> networks) {
        return client != null && networks.stream().anyMatch(n -> n.contains(client));
    }

    /** The location of a request to this realm now. */
    public static BadgeLocation of(KeycloakSession session, RealmModel realm, String remoteAddress) {
        RealmSettings settings = RealmSettings.of(session, realm);
        boolean emergency = DeclaredEmergencyAttributes.activeAt(realm.getAttribute(DeclaredEmergencyAttributes.UNTIL), Time.currentTime());
        return of(address(remoteAddress), new WorkstationRegistry(session, realm).all(), settings.get(NETWORKS),
                settings.get(EMERGENCY_NETWORKS), emergency);
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
