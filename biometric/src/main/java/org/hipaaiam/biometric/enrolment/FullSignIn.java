package org.hipaaiam.biometric.enrolment;

import java.util.Map;
import java.util.Objects;
import org.keycloak.authentication.authenticators.browser.OTPFormAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.RealmModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.CommonClientSessionModel.ExecutionStatus;

/**
 * Whether this sign-in was a full one: the one-time code step succeeded in it. A badge + PIN sign-in, a sign-in
 * by an earlier SSO session, or one with a fingerprint alone never was, so none of them can add a fingerprint.
 */
final class FullSignIn {

    private FullSignIn() {
    }

    static boolean in(RealmModel realm, AuthenticationSessionModel authentication) {
        Map<String, ExecutionStatus> executions = authentication.getExecutionStatus();
        return executions != null && executions.entrySet().stream()
                .filter(execution -> execution.getValue() == ExecutionStatus.SUCCESS)
                .map(execution -> realm.getAuthenticationExecutionById(execution.getKey()))
                .filter(Objects::nonNull)
                .map(AuthenticationExecutionModel::getAuthenticator)
                .anyMatch(OTPFormAuthenticatorFactory.PROVIDER_ID::equals);
    }
}
