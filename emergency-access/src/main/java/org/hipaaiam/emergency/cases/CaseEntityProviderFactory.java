package org.hipaaiam.emergency.cases;

import java.util.List;
import org.hipaaiam.core.provider.EntityTablesFactory;

/** Adds the break-glass case table to Keycloak's own database, created and upgraded by its Liquibase changelog. */
public final class CaseEntityProviderFactory extends EntityTablesFactory {

    public static final String ID = "hipaa-break-glass-cases";

    public CaseEntityProviderFactory() {
        super(ID, "META-INF/hipaa-break-glass-changelog.xml", List.of(BreakGlassCaseEntity.class));
    }
}
