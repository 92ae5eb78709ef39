package org.hipaaiam.it.support;

import java.lang.reflect.Constructor;
import java.util.List;
import org.keycloak.testframework.injection.Dependency;
import org.keycloak.testframework.injection.DependenciesBuilder;
import org.keycloak.testframework.injection.InstanceContext;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.injection.RequestedInstance;
import org.keycloak.testframework.injection.Supplier;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * Builds a {@link Scene} from the test framework's own instances (the test's realm, its browser, the server
 * clock) through the scene's constructor taking exactly those, and closes it after each test.
 */
public final class SceneSupplier implements Supplier<Scene, InjectScene> {

    @Override
    public Class<InjectScene> getAnnotationClass() {
        return InjectScene.class;
    }

    @Override
    public Class<Scene> getValueType() {
        return Scene.class;
    }

    @Override
    public List<Dependency> getDependencies(RequestedInstance<Scene, InjectScene> instance) {
        return DependenciesBuilder.create(ManagedRealm.class).add(ManagedWebDriver.class).add(TimeOffSet.class).build();
    }

    @Override
    public Scene getValue(InstanceContext<Scene, InjectScene> instance) {
        try {
            Constructor<? extends Scene> constructor = instance.getRequestedValueType()
                    .getDeclaredConstructor(ManagedRealm.class, ManagedWebDriver.class, TimeOffSet.class);
            constructor.setAccessible(true);
            return constructor.newInstance(instance.getDependency(ManagedRealm.class), instance.getDependency(ManagedWebDriver.class),
                    instance.getDependency(TimeOffSet.class));
        } catch (ReflectiveOperationException e) {
            if (Scene.underConstruction != null) {
                // A receiver left listening would fail every later test on its port.
                Scene.underConstruction.close();
            }
            throw new IllegalStateException("Cannot build the scene " + instance.getRequestedValueType().getSimpleName(), e);
        } finally {
            Scene.underConstruction = null;
        }
    }

    @Override
    public LifeCycle getDefaultLifecycle() {
        return LifeCycle.METHOD;
    }

    @Override
    public boolean compatible(InstanceContext<Scene, InjectScene> deployed, RequestedInstance<Scene, InjectScene> requested) {
        return false;
    }

    @Override
    public void close(InstanceContext<Scene, InjectScene> instance) {
        instance.getValue().close();
    }
}
