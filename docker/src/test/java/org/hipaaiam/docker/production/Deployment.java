package org.hipaaiam.docker.production;

import java.nio.file.Path;

/**
 * What the nodes of one test deployment share: the image's contents, the realm file imported on first start,
 * the database, the site's secrets, and a work folder with one subfolder per node.
 */
public record Deployment(BuildContext image, Path realmFile, ProductionDatabase database, SiteSecrets secrets, Path workDir) {
}
