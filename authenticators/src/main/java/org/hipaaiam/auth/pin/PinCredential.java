package org.hipaaiam.auth.pin;

import java.util.Optional;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * A user's workstation PIN: a stored credential of type {@value #TYPE}, hashed like a password by the realm's
 * password hashing provider (its algorithm and iterations), with its own consecutive-failure counter in the user
 * attribute {@value #FAILURES}, changed under a lock on the user's row. A locked PIN stays locked until an admin
 * resets it or the user sets a new one after a full password + one-time-code sign-in.
 */
public final class PinCredential {

    public static final String TYPE = "hipaa-pin";
    public static final String FAILURES = "hipaaPinFailures";
    static final String LABEL = "Workstation PIN";

    /** Outcome of one PIN check, in the words the audit trail uses. */
    public enum Check { ACCEPTED, WRONG_PIN, NO_PIN, LOCKED }

    private final KeycloakSession session;
    private final RealmModel realm;

    public PinCredential(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    public static boolean isSet(UserModel user) {
        return stored(user).isPresent();
    }

    public void set(UserModel user, String pin) {
        remove(user);
        PasswordPolicy policy = realm.getPasswordPolicy();
        PasswordCredentialModel hashed = hashProvider(policy.getHashAlgorithm()).encodedCredential(pin, policy.getHashIterations());
        hashed.setType(TYPE);
        hashed.setUserLabel(LABEL);
        hashed.setCreatedDate(Time.currentTimeMillis());
        user.credentialManager().createStoredCredential(hashed);
    }

    public static void remove(UserModel user) {
        stored(user).ok().forEach(c -> user.credentialManager().removeStoredCredentialById(c.getId()));
        user.removeAttribute(FAILURES);
    }

    /**
     * Checks the PIN and counts the result, under a lock on the user's count ({@link PinFailures}). When there is
     * no user or no PIN, the same hashing work is done so the answer takes as long as for a real PIN.
     */
    public Check check(UserModel user, String pin, PinPolicy policy) {
        Optional<CredentialModel> credential = user == null ? Optional.empty() : stored(user).first();
        if (credential.isEmpty()) {
            hashInVain(pin);
            return Check.NO_PIN;
        }
        PinFailures failures = PinFailures.lock(session, realm, user);
        PasswordCredentialModel hashed = PasswordCredentialModel.createFromCredentialModel(credential.get());
        boolean matches = hashProvider(hashed.getPasswordCredentialData().getAlgorithm()).verify(pin == null ? "" : pin, hashed);
        PinAttempt attempt = PinAttempt.of(failures.count(), matches, policy.maxFailures());
        failures.record(attempt);
        return attempt.outcome();
    }

    /**
     * The hashing work of a check, for an answer that needs none (an unknown badge, an account locked by brute-force
     * protection), so that it takes as long as a real check and tells nothing by its timing.
     */
    public void hashInVain(String pin) {
        PasswordPolicy passwordPolicy = realm.getPasswordPolicy();
        hashProvider(passwordPolicy.getHashAlgorithm()).encodedCredential(pin == null ? "" : pin, passwordPolicy.getHashIterations());
    }

    public static boolean isLocked(UserModel user, PinPolicy policy) {
        return failuresOf(user) >= policy.maxFailures();
    }

    static int failuresOf(UserModel user) {
        return failures(user.getFirstAttribute(FAILURES));
    }

    /** A stored count; one that is not a count (not a number, negative) counts as locked. */
    static int failures(String value) {
        try {
            int failures = value == null ? 0 : Integer.parseInt(value);
            return failures < 0 ? Integer.MAX_VALUE : failures;
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static Stored stored(UserModel user) {
        return new Stored(user.credentialManager().getStoredCredentialsByTypeStream(TYPE).toList());
    }

    /** The named algorithm, or Keycloak's default hashing provider when the password policy names none. */
    private PasswordHashProvider hashProvider(String algorithm) {
        PasswordHashProvider provider = algorithm == null ? session.getProvider(PasswordHashProvider.class)
                : session.getProvider(PasswordHashProvider.class, algorithm);
        if (provider == null) {
            throw new IllegalStateException("no password hashing provider " + algorithm);
        }
        return provider;
    }

    /** The user's stored PIN credentials (one at most once set through this class). */
    private record Stored(java.util.List<CredentialModel> ok) {
        Optional<CredentialModel> first() {
            return ok.stream().findFirst();
        }

        boolean isPresent() {
            return !ok.isEmpty();
        }
    }
}
