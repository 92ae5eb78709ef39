package org.hipaaiam.emergency;

import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionProvider;

/** A required action an application may start with `kc_action=<id>`; it keeps nothing per session. */
public interface LinkableAction extends RequiredActionProvider {

    @Override
    default InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    default void close() {
    }
}
