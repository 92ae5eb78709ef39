package org.hipaaiam.emergency.cases;

import java.util.List;
import org.hipaaiam.core.provider.StatelessFactory;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Adds the break-glass case table to Keycloak's own database, created and upgraded by its Liquibase changelog. */
public final class CaseEntityProviderFactory implements JpaEntityProviderFactory, JpaEntityProvider, StatelessFactory<JpaEntityProvider> {

    public static final String ID = "hipaa-break-glass-cases";

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public List<Class<?>> getEntities() {
        return List.of(BreakGlassCaseEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/hipaa-break-glass-changelog.xml";
    }

    @Override
    public String getFactoryId() {
        return ID;
    }

    @Override
    public String getId() {
        return ID;
    }

    /** Declared by both Provider and StatelessFactory; nothing to release either way. */
    @Override
    public void close() {
    }
}
