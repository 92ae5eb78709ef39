package org.hipaaiam.biometric.assurance;

import java.util.List;
import org.hipaaiam.core.vocabulary.ProvenAmr;
import org.hipaaiam.core.vocabulary.SessionNotes;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.mappers.AmrProtocolMapper;

/**
 * `hipaa-amr-mapper`: Keycloak's `amr` mapper (the values configured on the steps the session completed) with what
 * the fingerprint step proved for the authenticator model used: `fpt` only for a model whose certified metadata
 * says every way it verifies a user includes the fingerprint, else `user`. A static per-step value cannot say that.
 */
public final class ProvenAmrMapper extends AmrProtocolMapper {

    public static final String ID = "hipaa-amr-mapper";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Authentication Method Reference (HIPAA, per authenticator model)";
    }

    @Override
    public String getHelpText() {
        return "The amr claim from the completed steps' configured values, plus fpt or user as the fingerprint key's certified metadata allows.";
    }

    /** The session's `amr` as this mapper puts it in OIDC tokens, for the SAML assertion to say the same. */
    static List<String> of(AuthenticatedClientSessionModel clientSession, RealmModel realm) {
        return new ProvenAmrMapper().getAmr(clientSession, realm);
    }

    @Override
    protected List<String> getAmr(AuthenticatedClientSessionModel clientSession, RealmModel realm) {
        return ProvenAmr.of(super.getAmr(clientSession, realm), clientSession.getUserSession().getNote(SessionNotes.PROVEN_AMR));
    }
}
