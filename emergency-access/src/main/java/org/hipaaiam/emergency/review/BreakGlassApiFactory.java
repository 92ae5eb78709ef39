package org.hipaaiam.emergency.review;

import jakarta.ws.rs.Path;
import org.hipaaiam.emergency.cases.BreakGlassCases;
import org.hipaaiam.emergency.cases.CaseDeadlineTask;
import org.hipaaiam.emergency.declared.DeclaredEmergencyResource;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.TimerProvider;

/**
 * Serves `/realms/{realm}/hipaa-break-glass/cases...` (review) and `/emergency` (declared emergency), and checks
 * justification deadlines every `deadline-check-interval-seconds` (SPI option, default 60) on one node.
 */
public final class BreakGlassApiFactory implements RealmResourceProviderFactory {

    public static final String ID = "hipaa-break-glass";
    static final long DEFAULT_DEADLINE_CHECK_INTERVAL_SECONDS = 60;

    private long intervalMillis;

    /** The resource root: one sub-resource per capability. */
    public static final class Root {
        private final KeycloakSession session;

        Root(KeycloakSession session) {
            this.session = session;
        }

        @Path("cases")
        public CaseReviewResource cases() {
            return new CaseReviewResource(session);
        }

        @Path("emergency")
        public DeclaredEmergencyResource emergency() {
            return new DeclaredEmergencyResource(session);
        }
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        Root root = new Root(session);
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return root;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
        intervalMillis = config.getLong("deadline-check-interval-seconds", DEFAULT_DEADLINE_CHECK_INTERVAL_SECONDS) * 1000;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RealmModel.RealmRemovedEvent removed) {
                BreakGlassCases.deleteRealm(removed.getKeycloakSession(), removed.getRealm().getId());
            }
        });
        try (KeycloakSession session = factory.create()) {
            session.getProvider(TimerProvider.class).schedule(
                    new ClusterAwareScheduledTaskRunner(factory, new CaseDeadlineTask(), intervalMillis), intervalMillis, CaseDeadlineTask.NAME);
        }
    }

    @Override
    public void close() {
    }
}
