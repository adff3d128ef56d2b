package dev.custody.delivery;

import dev.custody.Bytes;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes one WebDataset shard: a POSIX tar (Apache Commons Compress) of {@code {key}.wav} and
 * {@code {key}.json} per sample, under a temporary name, hashed as it is written. {@link #finish}
 * syncs it, renames it into place and syncs the folder; {@link #close} before that deletes the
 * temporary file, so a failed shard leaves no plaintext behind.
 *
 * <p>Members carry no owner, no group and a fixed time, so one selection always gives the same
 * bytes, and nothing about the machine that wrote them. Blocks of 512 bytes, so a shard's length is
 * exactly {@link #sizeWith} of what it holds.
 */
final class ShardWriter implements AutoCloseable {
    private static final int RECORD = 512;
    private static final int BUFFER = 1 << 20;
    private static final FileTime FIXED_TIME = FileTime.fromMillis(0);

    private final Path folder;
    private final String name;
    private final Path temporary;
    private final FileChannel channel;
    private final MessageDigest digest;
    private final TarArchiveOutputStream tar;
    private final List<DeliveredSample> samples = new ArrayList<>();
    private long size = 2L * RECORD; // the end-of-archive records
    private boolean finished;

    private ShardWriter(Path folder, String name) throws IOException {
        this.folder = folder;
        this.name = name;
        this.temporary = DeliveryFiles.temporary(folder, name);
        this.channel = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        this.digest = sha256();
        OutputStream out =
                new DigestOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER), digest);
        this.tar = new TarArchiveOutputStream(out, RECORD, "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_ERROR);
    }

    static ShardWriter create(Path folder, String name) {
        try {
            return new ShardWriter(folder, name);
        } catch (IOException e) {
            DeliveryFiles.deleteQuietly(DeliveryFiles.temporary(folder, name));
            throw DeliveryFiles.unwritable(e);
        }
    }

    /** The shard's length once it also holds a sample of these two files. */
    long sizeWith(int wavBytes, int jsonBytes) {
        return size + member(wavBytes) + member(jsonBytes);
    }

    boolean isEmpty() {
        return samples.isEmpty();
    }

    void add(PreparedSample sample) {
        try {
            put(sample.described().key() + ".wav", sample.wav());
            put(sample.described().key() + ".json", sample.json());
        } catch (IOException e) {
            throw DeliveryFiles.unwritable(e);
        }
        size = sizeWith(sample.wav().length, sample.json().length);
        samples.add(sample.described());
    }

    /** Ends the archive, makes it durable under its final name and returns what it holds. */
    Shard finish() {
        try {
            tar.finish();
            tar.flush();
            channel.force(true);
            tar.close();
            finished = true;
            DeliveryFiles.moveIntoPlace(temporary, folder.resolve(name));
        } catch (IOException e) {
            throw DeliveryFiles.unwritable(e);
        }
        return new Shard(name, size, Bytes.copyOf(digest.digest()), samples);
    }

    private void put(String member, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(member, true);
        entry.setSize(content.length);
        entry.setMode(0100644);
        entry.setLastModifiedTime(FIXED_TIME);
        entry.setUserName("");
        entry.setGroupName("");
        entry.setIds(0, 0);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static long member(int bytes) {
        return RECORD + (bytes + RECORD - 1L) / RECORD * RECORD;
    }

    @Override
    public void close() {
        if (finished) {
            return;
        }
        try {
            tar.close();
        } catch (IOException e) {
            // The temporary file is deleted below whatever the close did.
        } finally {
            try {
                channel.close();
            } catch (IOException e) {
                // As above.
            }
            DeliveryFiles.deleteQuietly(temporary);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
