package org.hipaaiam.it.support;

import java.util.List;
import org.keycloak.testframework.TestFrameworkExtension;
import org.keycloak.testframework.injection.Supplier;

/** Registers {@link InjectScene} with the Keycloak test framework (see META-INF/services). */
public final class SceneExtension implements TestFrameworkExtension {

    @Override
    public List<Supplier<?, ?>> suppliers() {
        return List.of(new SceneSupplier());
    }
}
