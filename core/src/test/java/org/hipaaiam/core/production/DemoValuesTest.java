package org.hipaaiam.core.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoValuesTest {

    @Test
    void publishedSecretsAndUnresolvedPlaceholdersAreFound() {
        DemoValues.Findings findings = new DemoValues.Findings();
        findings.clientSecret("hipaa", "hr-feed", "demo-hr-feed-secret");
        findings.clientSecret("hipaa", "clinical-app", "${HIPAA_CLINICAL_APP_SECRET}");
        findings.clientSecret("hipaa", "pacs-viewer", "a-real-random-secret");
        findings.realmAttribute("hipaa", "hipaa.hrFeed.signingSecret", "demo-hr-feed-signing-secret");
        findings.realmAttribute("hipaa", "hipaa.hrFeed.signingSecret", "${vault.hr-feed-signing-secret}");
        findings.demoUser("hipaa", "adm-jsmith4821");
        List<String> all = findings.all();
        assertEquals(4, all.size(), all.toString());
        assertTrue(all.get(1).contains("set that environment variable"), all.get(1));
        all.forEach(line -> assertTrue(!line.contains("demo-hr-feed-secret") && !line.contains("demo-hr-feed-signing-secret"),
                "a finding never repeats the secret: " + line));
    }

    @Test
    void theShippedRealmFilesAreToldApart() throws Exception {
        DemoValues.Findings findings = new DemoValues.Findings();
        findings.importFile("hipaa-realm.json", Files.readString(Path.of("../realm-export/hipaa-realm.json")));
        assertEquals(List.of(), findings.all(), "the production realm passes");
        findings.importFile("demo-overlay.json", Files.readString(Path.of("../realm-export/demo-overlay.json")));
        assertEquals(1, findings.all().size(), "the demo values are found");
    }
}
