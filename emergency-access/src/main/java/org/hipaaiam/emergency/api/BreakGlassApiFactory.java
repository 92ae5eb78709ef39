package org.hipaaiam.emergency.api;

import jakarta.ws.rs.Path;
import org.hipaaiam.core.provider.RealmResourceFactory;
import org.hipaaiam.core.server.OneNodeAtATime;
import org.hipaaiam.core.settings.Setting;
import org.hipaaiam.core.settings.SpiOptions;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.hipaaiam.emergency.cases.BreakGlassCases;
import org.hipaaiam.emergency.cases.CaseDeadlineTask;
import org.hipaaiam.emergency.declared.DeclaredEmergencyResource;
import org.hipaaiam.emergency.review.CaseReviewResource;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;

/**
 * Serves `/realms/{realm}/hipaa-break-glass/cases...` (review) and `/emergency` (declared emergency), and checks
 * justification deadlines every `deadline-check-interval-seconds` (SPI option, default 60) on one node.
 */
public final class BreakGlassApiFactory extends RealmResourceFactory {

    static final Setting<Long> DEADLINE_CHECK_INTERVAL_SECONDS = Setting.number("deadline-check-interval-seconds", 60, 1, 3600);

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

    public BreakGlassApiFactory() {
        super(BundleApi.BREAK_GLASS);
    }

    @Override
    protected Object resource(KeycloakSession session) {
        return new Root(session);
    }

    @Override
    public void init(Config.Scope config) {
        intervalMillis = new SpiOptions(config).get(DEADLINE_CHECK_INTERVAL_SECONDS) * 1000;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RealmModel.RealmRemovedEvent removed) {
                BreakGlassCases.deleteRealm(removed.getKeycloakSession(), removed.getRealm().getId());
            }
        });
        OneNodeAtATime.schedule(factory, new CaseDeadlineTask(), intervalMillis);
    }
}
