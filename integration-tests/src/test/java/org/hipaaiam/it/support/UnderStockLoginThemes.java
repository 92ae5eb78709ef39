package org.hipaaiam.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs a test once per stock Keycloak login theme, passing the theme's name: pages must not need the hipaa theme. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ParameterizedTest(name = "{0}")
@ValueSource(strings = {"keycloak.v2", "keycloak"})
public @interface UnderStockLoginThemes {
}
