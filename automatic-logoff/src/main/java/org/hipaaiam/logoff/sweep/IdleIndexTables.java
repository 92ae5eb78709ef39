package org.hipaaiam.logoff.sweep;

import java.util.List;
import org.hipaaiam.core.provider.EntityTablesFactory;

/** The index of sessions under the idle policies, a table of Keycloak's own database. */
public final class IdleIndexTables extends EntityTablesFactory {

    public IdleIndexTables() {
        super("hipaa-idle-sessions", "META-INF/hipaa-idle-sessions-changelog.xml", List.of(IdleSessionEntity.class));
    }
}
