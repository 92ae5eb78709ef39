package org.hipaaiam.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every setting is declared once as a core `Setting`, and one naming convention holds for all of them: realm
 * attributes `hipaa.<capability>.<settingInCamelCase>`, SPI options Keycloak's kebab-case.
 */
class SettingNamesTest {

    private static final Pattern DECLARATION = Pattern.compile("Setting\\.\\w+\\(\\s*\"([^\"]+)\"");
    private static final Pattern REALM_ATTRIBUTE = Pattern.compile("hipaa\\.[a-z][a-zA-Z]*\\.[a-z][a-zA-Z0-9]*");
    private static final Pattern SPI_OPTION = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    @Test
    void everySettingFollowsTheConventionAndIsDeclaredOnce() throws IOException {
        Map<String, Path> declared = new HashMap<>();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of(".."))) {
            for (Path source : sources.filter(SettingNamesTest::isMainJava).toList()) {
                Matcher keys = DECLARATION.matcher(Files.readString(source));
                while (keys.find()) {
                    String key = keys.group(1);
                    boolean realmAttribute = key.startsWith("hipaa.");
                    if (!(realmAttribute ? REALM_ATTRIBUTE : SPI_OPTION).matcher(key).matches()) {
                        problems.add(key + " in " + source.getFileName());
                    }
                    Path earlier = declared.put(key, source);
                    if (realmAttribute && earlier != null && !earlier.equals(source)) {
                        problems.add(key + " declared in both " + earlier.getFileName() + " and " + source.getFileName());
                    }
                }
            }
        }
        assertTrue(declared.size() > 30, "found the settings: " + declared.keySet());
        assertEquals(List.of(), problems);
    }

    private static boolean isMainJava(Path path) {
        String text = path.toString().replace('\\', '/');
        return text.endsWith(".java") && text.contains("/src/main/java/") && !text.contains("/target/");
    }
}
