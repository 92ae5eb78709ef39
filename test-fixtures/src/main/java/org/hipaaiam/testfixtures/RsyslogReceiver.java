package org.hipaaiam.testfixtures;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real rsyslog receiving RFC 5425 syslog over TLS (OpenSSL stream driver) on 127.0.0.1, in its
 * own folder, writing each message as {@code MSGID|STRUCTURED-DATA|MSG} to {@code received.log}.
 */
public final class RsyslogReceiver implements AutoCloseable {

    public static final Path RSYSLOGD = Path.of("/usr/sbin/rsyslogd");

    /** One message as rsyslog stored it. */
    public record Received(String msgId, String structuredData, byte[] msg) {
        private static final Pattern POSITION = Pattern.compile("(?:index|size)=\"(\\d+)\"");

        /** The record index, or the tree size of a checkpoint. */
        public long position() {
            Matcher m = POSITION.matcher(structuredData);
            if (!m.find()) {
                throw new IllegalStateException("no ledger position in " + structuredData);
            }
            return Long.parseLong(m.group(1));
        }

        /**
         * The text sent, undoing rsyslog's defaults: control characters are escaped on receipt
         * (the note's line feeds become #012) and a trailing line feed is dropped.
         */
        public String text() {
            String text = new String(msg, StandardCharsets.UTF_8).replace("#012", "\n");
            return text.endsWith("\n") ? text : text + "\n";
        }
    }

    private final Path dir;
    private final int port;
    private Process process;

    private RsyslogReceiver(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /**
     * @param authMode how rsyslog checks clients: {@code anon} (any), or {@code x509/certvalid}
     *        (a client certificate from the CA is required)
     */
    public static RsyslogReceiver configure(Path dir, TestCertificates certificates, String authMode) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        return configure(dir, certificates, authMode, port);
    }

    /** As above on a given port, for a forwarder whose configuration is fixed before the receiver exists. */
    public static RsyslogReceiver configure(Path dir, TestCertificates certificates, String authMode, int port) throws IOException {
        RsyslogReceiver receiver = new RsyslogReceiver(dir, port);
        Files.createDirectories(dir.resolve("work"));
        Files.writeString(dir.resolve("rsyslog.conf"), """
                global(workDirectory="%s" maxMessageSize="64k"
                       defaultNetstreamDriver="ossl"
                       defaultNetstreamDriverCAFile="%s"
                       defaultNetstreamDriverCertFile="%s"
                       defaultNetstreamDriverKeyFile="%s")
                module(load="imtcp" streamDriver.name="ossl" streamDriver.mode="1" streamDriver.authMode="%s")
                input(type="imtcp" address="127.0.0.1" port="%d")
                template(name="ledger" type="string" string="%%msgid%%|%%structured-data%%|%%msg%%\\n")
                action(type="omfile" file="%s" template="ledger")
                """.formatted(dir.resolve("work"), certificates.caPem(), certificates.serverPem(),
                certificates.serverKeyPem(), authMode, port, receiver.output()), StandardCharsets.UTF_8);
        return receiver;
    }

    public int port() {
        return port;
    }

    /** Starts rsyslogd in the foreground as a child process and waits until it accepts connections. */
    public void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(RSYSLOGD.toString(), "-n", "-f", dir.resolve("rsyslog.conf").toString(),
                "-i", dir.resolve("rsyslogd.pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("rsyslogd.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("rsyslogd exited with " + process.exitValue() + ": "
                        + Files.readString(dir.resolve("rsyslogd.out")));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IOException("rsyslogd did not listen on port " + port + " within 20 s");
    }

    /** SIGTERM, as an operator's restart would send; rsyslog flushes its output and exits. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Every message written so far, in arrival order. */
    public List<Received> received() throws IOException {
        List<Received> messages = new ArrayList<>();
        if (!Files.exists(output())) {
            return messages;
        }
        byte[] data = Files.readAllBytes(output());
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                messages.add(parse(Arrays.copyOfRange(data, start, i)));
                start = i + 1;
            }
        }
        return messages;
    }

    private static Received parse(byte[] line) {
        int first = indexOf(line, 0);
        int second = indexOf(line, first + 1);
        return new Received(new String(line, 0, first, StandardCharsets.US_ASCII),
                new String(line, first + 1, second - first - 1, StandardCharsets.UTF_8),
                Arrays.copyOfRange(line, second + 1, line.length));
    }

    private static int indexOf(byte[] line, int from) {
        for (int i = from; i < line.length; i++) {
            if (line[i] == '|') {
                return i;
            }
        }
        throw new IllegalStateException("unexpected line: " + new String(line, StandardCharsets.UTF_8));
    }

    private Path output() {
        return dir.resolve("received.log");
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
