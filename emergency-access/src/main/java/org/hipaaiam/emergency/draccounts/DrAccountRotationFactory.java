package org.hipaaiam.emergency.draccounts;

import java.util.List;
import org.hipaaiam.emergency.EmergencyActionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** Registers `hipaa-dr-account-rotation`; it must be enabled in the realm (the shipped export does so). */
public final class DrAccountRotationFactory extends EmergencyActionFactory {

    public static final String ID = "hipaa-dr-account-rotation";
    private static final DrAccountRotation ROTATION = new DrAccountRotation();

    public DrAccountRotationFactory() {
        super(ID, "Emergency account: alert and rotate credentials on every sign-in", session -> ROTATION);
    }

    /** Nothing to configure: every sign-in of such an account rotates its password. */
    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return List.of();
    }
}
