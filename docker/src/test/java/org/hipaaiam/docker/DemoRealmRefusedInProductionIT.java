package org.hipaaiam.docker;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.hipaaiam.docker.production.BuildContext;
import org.hipaaiam.docker.production.Deployment;
import org.hipaaiam.docker.production.Node;
import org.hipaaiam.docker.production.ProductionDatabase;
import org.hipaaiam.docker.production.ProductionKeycloak;
import org.hipaaiam.docker.production.SiteSecrets;
import org.junit.jupiter.api.Test;

/** The production build given the demo realm, whose passwords and secrets are published, refuses to start. */
class DemoRealmRefusedInProductionIT {

    @Test
    void theProductionBuildRefusesToStartWithTheDemoRealm() throws Exception {
        Deployment deployment = new Deployment(BuildContext.fromBuild(), BuildContext.pathFromBuild("hipaa.demoRealmFile"),
                ProductionDatabase.fresh("hipaa_demo_refused"), SiteSecrets.random(), BuildContext.pathFromBuild("hipaa.workDir").resolve("demo"));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ProductionKeycloak.start(deployment, Node.number(2), Map.of()).close());

        String log = refused.getMessage();
        assertTrue(log.contains("exited during the start"), log);
        assertTrue(log.contains("Refusing to start in production mode with published demo values"), log);
        assertTrue(log.contains("demo account adm-jsmith4821"), log);
        assertTrue(log.contains("client hr-feed has the published demo secret"), log);
        assertTrue(log.contains("hipaa-realm-demo.json holds published demo values"), log);
    }
}
