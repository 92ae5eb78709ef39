package org.hipaaiam.biometric.metadata;

import java.util.Optional;

/** Whether current metadata admits a model, and if not, the reason shown to the user's admin and audited. */
public sealed interface ModelVerdict {

    record Admitted(AuthenticatorModel model) implements ModelVerdict {
    }

    record Refused(String reason) implements ModelVerdict {
    }

    default Optional<AuthenticatorModel> admitted() {
        return this instanceof Admitted admitted ? Optional.of(admitted.model()) : Optional.empty();
    }
}
