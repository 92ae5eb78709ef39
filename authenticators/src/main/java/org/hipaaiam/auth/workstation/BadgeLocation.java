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
 * network (most specific match wins), a network listed in the realm attribute `hipaa.badge.networks`, or a
 * declared realm-wide emergency ({@link DeclaredEmergencyAttributes#UNTIL}, epoch seconds on Keycloak's clock).
 * Anywhere else the realm's password + one-time-code path applies.
 */
public record BadgeLocation(Basis basis, Optional<Workstation> workstation) {

    /** Networks where badge + PIN is allowed without a registered workstation; a malformed list allows nothing. */
    public static final Setting<List<Cidr>> NETWORKS = Setting.parsed("hipaa.badge.networks", List.<Cidr>of(), Cidr::parseList)
            .strictest(List.of());

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

    /** The location of a request to this realm now. */
    public static BadgeLocation of(KeycloakSession session, RealmModel realm, String remoteAddress) {
        return of(address(remoteAddress), new WorkstationRegistry(session, realm).all(), RealmSettings.of(session, realm).get(NETWORKS),
                DeclaredEmergencyAttributes.activeAt(realm.getAttribute(DeclaredEmergencyAttributes.UNTIL), Time.currentTime()));
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
