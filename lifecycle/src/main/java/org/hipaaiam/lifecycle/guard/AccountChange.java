package org.hipaaiam.lifecycle.guard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An admin-API request that changes how an account signs in or what it may do, on `users/{id}/...`: a credential
 * change (password reset, credentials set in the user's representation, credential removal or reordering, e-mailed
 * actions such as a new password, disabled credential types, an identity-provider link, impersonation), a role
 * change (role mappings, group membership), or a change of the account itself (its representation: e-mail, names,
 * attributes, enabled; or its removal). Reading is none of these.
 */
record AccountChange(String userId, Kind kind) {

    enum Kind {
        CREDENTIAL, ROLE,
        /** A new e-mail address is as good as a password reset: the next reset mail goes to it. */
        ACCOUNT
    }

    private static final Set<String> CREDENTIAL_PATHS = Set.of("reset-password", "reset-password-email", "execute-actions-email",
            "disable-credential-types", "credentials", "federated-identity", "impersonation");
    private static final Set<String> ROLE_PATHS = Set.of("role-mappings", "groups");
    /** Methods that change nothing. */
    static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    /** `adminPath` is below `admin/realms/{realm}/`; `body` is read only for `PUT users/{id}`. */
    static Optional<AccountChange> of(String method, List<String> adminPath, Supplier<JsonNode> body) {
        if (READS.contains(method) || adminPath.size() < 2 || !"users".equals(adminPath.get(0))) {
            return Optional.empty();
        }
        String userId = adminPath.get(1);
        if (adminPath.size() == 2) {
            if ("DELETE".equals(method)) {
                return Optional.of(new AccountChange(userId, Kind.ACCOUNT));
            }
            if (!"PUT".equals(method)) {
                return Optional.empty();
            }
            JsonNode credentials = body.get().path("credentials");
            return Optional.of(new AccountChange(userId, credentials.isArray() && !credentials.isEmpty() ? Kind.CREDENTIAL : Kind.ACCOUNT));
        }
        String what = adminPath.get(2);
        if (CREDENTIAL_PATHS.contains(what)) {
            return Optional.of(new AccountChange(userId, Kind.CREDENTIAL));
        }
        return ROLE_PATHS.contains(what) ? Optional.of(new AccountChange(userId, Kind.ROLE)) : Optional.empty();
    }
}
