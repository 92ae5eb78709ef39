package org.hipaaiam.biometric.enrolment;

import java.time.Clock;
import org.hipaaiam.biometric.metadata.CurrentMetadata;
import org.hipaaiam.biometric.metadata.FidoMetadataSettings;
import org.hipaaiam.core.settings.SpiOptions;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** `hipaa-fingerprint-enrolment`: a fingerprint authenticator after a full sign-in, admitted by FIDO metadata. */
public final class FingerprintEnrolmentActionFactory implements RequiredActionFactory {

    public static final String ID = "hipaa-fingerprint-enrolment";

    private CurrentMetadata metadata;
    private EnrolmentTrust trust;

    /** The FIDO metadata in use, configured once here (this action's SPI options) for enrolment and sign-in alike. */
    public static CurrentMetadata metadata(KeycloakSession session) {
        return ((FingerprintEnrolmentActionFactory) session.getKeycloakSessionFactory().getProviderFactory(RequiredActionProvider.class, ID)).metadata;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayText() {
        return "Enrol a fingerprint security key (HIPAA)";
    }

    @Override
    public void init(Config.Scope config) {
        metadata = FidoMetadataSettings.of(new SpiOptions(config)).currentMetadata(Clock.systemUTC());
        trust = new EnrolmentTrust(metadata);
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return new FingerprintEnrolmentAction(session, trust);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
