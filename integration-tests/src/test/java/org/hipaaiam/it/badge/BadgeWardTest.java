package org.hipaaiam.it.badge;

import org.hipaaiam.it.support.DemoRealm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/** The shipped realm, the workstation's browser and the demo app, opened as a {@link BadgeWard} for each test. */
abstract class BadgeWardTest {

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @InjectWebDriver
    ManagedWebDriver browser;

    BadgeWard ward;

    @BeforeEach
    void openWard() throws Exception {
        ward = new BadgeWard(realm, browser);
    }

    @AfterEach
    void closeWard() {
        ward.close();
    }
}
