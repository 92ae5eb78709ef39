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
 * Lays out a Keycloak home: the distribution unpacked once, the bundle's provider jars refreshed on every
 * start, and a realm file staged for Keycloak's own `--import-realm`. Used by the run command and the
 * benchmarks.
 */
public final class KeycloakInstallation {

    private final Path distZip;
    private final Path home;

    public KeycloakInstallation(Path distZip, Path home) {
        this.distZip = distZip;
        this.home = home;
    }

    /** The run command's install: reset if asked, then distribution, providers and realm. */
    static Path prepare(LauncherSettings settings) throws IOException {
        if (settings.reset()) {
            deleteRecursively(settings.stateDir());
        }
        KeycloakInstallation installation = new KeycloakInstallation(settings.distZip(), settings.keycloakHome());
        installation.unpackIfAbsent();
        installation.installProviders(settings.providersDir());
        installation.stageRealm(settings.realmFile());
        return settings.keycloakHome();
    }

    public Path home() {
        return home;
    }

    public void unpackIfAbsent() throws IOException {
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            unpackDistribution();
        }
    }

    public void stageRealm(Path realmFile) throws IOException {
        Path importDir = Files.createDirectories(home.resolve("data/import"));
        Files.copy(realmFile, importDir.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Unpacks into a sibling folder first so an interrupted unpack never looks like a finished install. */
    private void unpackDistribution() throws IOException {
        Path partial = home.resolveSibling(home.getFileName() + ".partial");
        deleteRecursively(partial);
        Files.createDirectories(partial);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(distZip))) {
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

    /** Replaces the provider jars with those in the given folder; Keycloak re-augments when providers/ changed. */
    public void installProviders(Path builtJars) throws IOException {
        Path providers = Files.createDirectories(home.resolve("providers"));
        try (DirectoryStream<Path> old = Files.newDirectoryStream(providers, "*.jar")) {
            for (Path jar : old) {
                Files.delete(jar);
            }
        }
        try (DirectoryStream<Path> built = Files.newDirectoryStream(builtJars, "*.jar")) {
            for (Path jar : built) {
                Files.copy(jar, providers.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    public static void deleteRecursively(Path dir) throws IOException {
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
