package org.hipaaiam.docker.production;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What `docker build` gets, as the docker module's build staged it: the Keycloak distribution the base image
 * holds, and the image folder with the provider jars and keycloak.conf.
 */
public record BuildContext(Path distZip, Path imageDir) {

    /** The paths the module's build passes to its tests (system properties `hipaa.distZip`, `hipaa.image`). */
    public static BuildContext fromBuild() {
        BuildContext context = new BuildContext(pathFromBuild("hipaa.distZip"), pathFromBuild("hipaa.image"));
        for (Path required : new Path[] {context.distZip(), context.providers(), context.configuration()}) {
            if (!Files.exists(required)) {
                throw new IllegalStateException(required + " is missing: run the test through Maven (mvn verify -pl docker -am)");
            }
        }
        return context;
    }

    public Path providers() {
        return imageDir.resolve("providers");
    }

    /** The one list of options the Dockerfile copies to conf/keycloak.conf. */
    public Path configuration() {
        return imageDir.resolve("keycloak.conf");
    }

    /** A path the module's build passes to its tests as a system property. */
    public static Path pathFromBuild(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set: run the test through Maven");
        }
        return Path.of(value);
    }
}
