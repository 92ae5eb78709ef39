package org.hipaaiam.auth.workstation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a workstation is used for; idle-logoff and break-glass policies key on it. */
public enum WorkstationClass {
    CLINICAL, ADMINISTRATIVE, KIOSK, MOBILE_CART;

    /** The wire name: `clinical`, `administrative`, `kiosk`, `mobile-cart`. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<WorkstationClass> fromWire(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName().equals(name)).findFirst();
    }
}
