package org.hipaaiam.core.provider;

import java.util.List;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;

/**
 * A capability's own tables in Keycloak's database, created and upgraded by its Liquibase changelog; subclasses
 * name the provider, the changelog and the entities.
 */
public abstract class EntityTablesFactory implements JpaEntityProviderFactory, JpaEntityProvider, StatelessFactory<JpaEntityProvider> {

    private final String id;
    private final String changelog;
    private final List<Class<?>> entities;

    protected EntityTablesFactory(String id, String changelog, List<Class<?>> entities) {
        this.id = id;
        this.changelog = changelog;
        this.entities = List.copyOf(entities);
    }

    @Override
    public final JpaEntityProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public final List<Class<?>> getEntities() {
        return entities;
    }

    @Override
    public final String getChangelogLocation() {
        return changelog;
    }

    @Override
    public final String getFactoryId() {
        return id;
    }

    @Override
    public final String getId() {
        return id;
    }

    /** Declared by both Provider and StatelessFactory; nothing to release either way. */
    @Override
    public final void close() {
    }
}
