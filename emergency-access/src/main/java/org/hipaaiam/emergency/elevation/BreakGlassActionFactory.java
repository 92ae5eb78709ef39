package org.hipaaiam.emergency.elevation;

import java.util.List;
import org.hipaaiam.emergency.EmergencyActionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** Registers the break-glass elevation action `hipaa-break-glass`. */
public final class BreakGlassActionFactory extends EmergencyActionFactory {

    public static final String ID = "hipaa-break-glass";
    private static final BreakGlassAction ACTION = new BreakGlassAction();

    public BreakGlassActionFactory() {
        super(ID, "Break the glass (emergency access)", session -> ACTION);
    }

    /** The re-authentication age is the realm attribute `hipaa.breakGlass.reauthMaxAgeSeconds`, not this action's config. */
    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return List.of();
    }
}
