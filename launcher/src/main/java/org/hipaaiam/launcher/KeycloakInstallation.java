package org.hipaaiam.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Lays out a Keycloak home in the state folder: the distribution unpacked once, the bundle's provider
 * jars refreshed on every start, and the realm file staged for Keycloak's own `--import-realm`.
 */
final class KeycloakInstallation {

    private final LauncherSettings settings;

    KeycloakInstallation(LauncherSettings settings) {
        this.settings = settings;
    }

    Path prepare() throws IOException {
        if (settings.reset()) {
            deleteRecursively(settings.stateDir());
        }
        Path home = settings.keycloakHome();
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            unpackDistribution(home);
        }
        syncProviders(home.resolve("providers"));
        Path importDir = Files.createDirectories(home.resolve("data/import"));
        Files.copy(settings.realmFile(), importDir.resolve("hipaa-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        return home;
    }

    /** Unpacks into a sibling folder first so an interrupted unpack never looks like a finished install. */
    private void unpackDistribution(Path home) throws IOException {
        Path partial = home.resolveSibling(home.getFileName() + ".partial");
        deleteRecursively(partial);
        Files.createDirectories(partial);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(settings.distZip()))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target = stripTopFolder(partial, entry.getName());
                if (target == null) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    copy(zip, target);
                }
            }
        }
        for (String script : new String[] {"kc.sh", "kcadm.sh", "kcreg.sh"}) {
            partial.resolve("bin").resolve(script).toFile().setExecutable(true);
        }
        Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path stripTopFolder(Path base, String entryName) throws IOException {
        int slash = entryName.indexOf('/');
        if (slash < 0 || slash == entryName.length() - 1) {
            return null;
        }
        Path target = base.resolve(entryName.substring(slash + 1)).normalize();
        if (!target.startsWith(base)) {
            throw new IOException("Refusing zip entry outside the install folder: " + entryName);
        }
        return target;
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Replaces the bundle's jars; Keycloak re-augments on start when providers/ changed. */
    private void syncProviders(Path providers) throws IOException {
        Files.createDirectories(providers);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(providers, "*.jar")) {
            for (Path jar : old) {
                Files.delete(jar);
            }
        }
        try (DirectoryStream<Path> built = Files.newDirectoryStream(settings.providersDir(), "*.jar")) {
            for (Path jar : built) {
                Files.copy(jar, providers.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
