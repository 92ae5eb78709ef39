package org.hipaaiam.emergency.cases;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Adds the break-glass case table to Keycloak's own database, created and upgraded by its Liquibase changelog. */
public final class CaseEntityProviderFactory implements JpaEntityProviderFactory, JpaEntityProvider {

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

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
