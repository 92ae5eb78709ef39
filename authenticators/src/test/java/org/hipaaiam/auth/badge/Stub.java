package org.hipaaiam.auth.badge;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A stand-in for one of Keycloak's interfaces: named methods give the answers set here (a value, or a function
 * of the arguments), fluent builder methods return the stub itself, anything else a neutral value. Every call's
 * method name is added to `calls`, so a test can say what a step did and did not touch.
 */
final class Stub {

    private Stub() {
    }

    static <T> T of(Class<T> type, List<String> calls, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "toString" -> {
                    return "stub " + type.getSimpleName();
                }
                default -> calls.add(method.getName());
            }
            Object answer = answers.get(method.getName());
            if (answer instanceof Function<?, ?> function) {
                @SuppressWarnings("unchecked")
                Function<Object[], Object> ofArguments = (Function<Object[], Object>) function;
                return ofArguments.apply(args);
            }
            return answer != null ? answer : neutral(method, type, proxy);
        }));
    }

    private static Object neutral(Method method, Class<?> type, Object proxy) {
        Class<?> returns = method.getReturnType();
        if (returns.isAssignableFrom(type)) {
            return proxy;
        }
        if (returns == boolean.class) {
            return false;
        }
        if (returns == int.class || returns == long.class) {
            return returns == int.class ? (Object) 0 : (Object) 0L;
        }
        return null;
    }
}
