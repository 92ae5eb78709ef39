package org.hipaaiam.events.alert;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A durable outbox: one file per pending delivery, written to a temporary name, forced to disk and renamed,
 * so an enqueued alert survives a crash and a receiver outage. A delivery's file is removed only after the
 * receiver accepted it.
 */
public final class AlertOutbox {

    private static final String SUFFIX = ".delivery";
    private final Path directory;

    public AlertOutbox(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Alert outbox " + directory + " cannot be created", e);
        }
    }

    public void put(Delivery delivery) {
        byte[] id = delivery.id().getBytes(StandardCharsets.UTF_8);
        byte[] realm = delivery.realmId().getBytes(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.allocate(4 + id.length + 4 + realm.length + 4 + 8 + 4 + 4 + delivery.alertJson().length)
                .putInt(id.length).put(id)
                .putInt(realm.length).put(realm)
                .putInt(delivery.attempts()).putLong(delivery.notBefore())
                .putInt(delivery.channel().ordinal())
                .putInt(delivery.alertJson().length).put(delivery.alertJson());
        Path target = fileOf(delivery.id());
        Path temporary = directory.resolve(delivery.id() + ".tmp");
        try (FileChannel file = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            bytes.flip();
            while (bytes.hasRemaining()) {
                file.write(bytes);
            }
            file.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Alert delivery could not be stored durably", e);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("Alert delivery could not be stored durably", e);
        }
    }

    public List<Delivery> pending() {
        List<Delivery> deliveries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                deliveries.add(read(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        deliveries.sort((a, b) -> Long.compare(a.notBefore(), b.notBefore()));
        return deliveries;
    }

    public void remove(String id) {
        try {
            Files.deleteIfExists(fileOf(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path fileOf(String id) {
        if (!id.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("Invalid delivery id");
        }
        return directory.resolve(id + SUFFIX);
    }

    private static Delivery read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            String id = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
            String realm = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
            int attempts = in.readInt();
            long notBefore = in.readLong();
            Delivery.Channel channel = Delivery.Channel.values()[in.readInt()];
            byte[] json = in.readNBytes(in.readInt());
            return new Delivery(id, channel, realm, json, attempts, notBefore);
        }
    }

    // The rename is durable only once the directory entry is on disk.
    private void forceDirectory() throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
