package org.hipaaiam.docker.production;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command in its own process group (`setsid`), its output in a log file. kc.sh starts the server JVM as a
 * child, so stopping signals the whole group, never a single process.
 */
final class ProcessGroup {

    private static final Duration GRACE = Duration.ofSeconds(30);

    private final Process leader;
    private final Path log;

    private ProcessGroup(Process leader, Path log) {
        this.leader = leader;
        this.log = log;
    }

    /** The environment starts empty of Keycloak settings (KC_*): only keycloak.conf and the given values count. */
    static ProcessGroup start(List<String> command, Path directory, Map<String, String> environment, Path log) throws IOException {
        List<String> grouped = new ArrayList<>(List.of("setsid"));
        grouped.addAll(command);
        // Appended to, so a restarted server's log keeps what the killed one wrote.
        ProcessBuilder builder = new ProcessBuilder(grouped).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("JAVA_OPTS"));
        builder.environment().putAll(environment);
        return new ProcessGroup(builder.start(), log);
    }

    /** Runs to the end; a failure or a timeout ends the group and names the log. */
    void awaitSuccess(Duration timeout, String what) throws IOException, InterruptedException {
        if (!leader.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            stop();
            throw new IllegalStateException(what + " did not finish within " + timeout + ":\n" + logTail());
        }
        if (leader.exitValue() != 0) {
            throw new IllegalStateException(what + " failed with exit status " + leader.exitValue() + ":\n" + logTail());
        }
    }

    boolean isAlive() {
        return leader.isAlive();
    }

    /** SIGTERM to the group for a graceful shutdown, SIGKILL if it has not ended within the grace period. */
    void stop() throws IOException, InterruptedException {
        if (!leader.isAlive()) {
            return;
        }
        signal("TERM");
        if (!leader.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            signal("KILL");
            leader.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** SIGKILL to the group, as a crashed machine or the kernel's out-of-memory killer ends a server: no shutdown hook runs. */
    void kill() throws IOException, InterruptedException {
        if (leader.isAlive()) {
            signal("KILL");
            leader.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The last lines of the log, for a failure message. */
    String logTail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    Path log() {
        return log;
    }

    // setsid made the leader a group leader: its pid is the group id.
    private void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, "--", "-" + leader.pid()).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
    }
}
