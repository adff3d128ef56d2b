package dev.custody.delivery;

import dev.custody.Bytes;
import dev.custody.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Reads a shard's tar and checks its members against the samples the manifest puts in it. */
final class ShardMembers {
    /** One member is one clip's file: a clip is at most minutes of audio. */
    private static final long MAX_MEMBER = 256L << 20;

    private ShardMembers() {}

    static void check(Path file, String shard, List<ProvenanceEntry> samples) {
        try (InputStream in = Files.newInputStream(file);
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (ProvenanceEntry sample : samples) {
                member(tar, shard, sample.key() + ".wav", sample.wavSha256());
                member(tar, shard, sample.key() + ".json", sample.jsonSha256());
            }
            if (tar.getNextEntry() != null) {
                throw DeliveryVerifier.failed("shard " + shard + " holds more than provenance.json lists");
            }
        } catch (IOException e) {
            throw DeliveryVerifier.failed("shard " + shard + " is not a readable tar");
        }
    }

    private static void member(TarArchiveInputStream tar, String shard, String name, Bytes sha256) throws IOException {
        TarArchiveEntry entry = tar.getNextEntry();
        if (entry == null || !entry.isFile() || !entry.getName().equals(name)) {
            throw DeliveryVerifier.failed("shard " + shard + " does not hold " + name + " where provenance.json says");
        }
        if (entry.getSize() > MAX_MEMBER) {
            throw DeliveryVerifier.failed(name + " in shard " + shard + " is too large");
        }
        if (!Sha256.of(tar.readAllBytes()).equals(sha256)) {
            throw DeliveryVerifier.failed(name + " in shard " + shard + " does not match its SHA-256");
        }
    }
}
