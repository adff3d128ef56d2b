package dev.custody.delivery;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.keys.JcaSigner;
import dev.custody.ledger.Checkpoint;
import dev.custody.ledger.CheckpointKeys;
import dev.custody.ledger.CheckpointVerifier;
import dev.custody.ledger.InclusionProof;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.List;

/**
 * Checks a delivery folder offline, with nothing but the folder and the ledger's published keys, in
 * this order: {@code provenance.json}'s two signatures; its checkpoint's two signatures; every
 * sample's inclusion proof against the checkpoint's root; the SHA-256 of {@code croissant.json}; the
 * length and SHA-256 of every shard; and in every shard, that its members are exactly its samples'
 * {@code {key}.wav} and {@code {key}.json}, in order, each with its SHA-256.
 *
 * <p>Stops at the first failure, with INTEGRITY_FAILURE and a message naming it (the person
 * verifying needs to know which promise was broken); files that the manifest does not name are not
 * looked at.
 */
public final class DeliveryVerifier {
    /** A manifest of 15 million samples is about 9 GB: until it is read as a stream, this bounds it. */
    private static final long MAX_MANIFEST = 1L << 30;

    private final CheckpointKeys keys;

    private DeliveryVerifier(CheckpointKeys keys) {
        this.keys = keys;
    }

    public static DeliveryVerifier of(CheckpointKeys keys) {
        return new DeliveryVerifier(requireNonNull(keys, "keys is null"));
    }

    public VerifiedDelivery verify(Path folder) {
        requireNonNull(folder, "folder is null");
        ProvenanceJson.Signed signed = readManifest(folder);
        ProvenanceManifest manifest = signed.manifest();
        byte[] body = manifest.signedBytes();
        if (!JcaSigner.verify(
                keys.ed25519(),
                ProvenanceManifest.ED25519,
                body,
                signed.ed25519().toArray())) {
            throw failed("the Ed25519 signature of provenance.json does not verify");
        }
        if (!JcaSigner.verify(keys.mlDsa65(), "ML-DSA", body, signed.mlDsa65().toArray())) {
            throw failed("the ML-DSA-65 signature of provenance.json does not verify");
        }
        Checkpoint checkpoint = checkpoint(manifest.checkpoint());
        for (ProvenanceEntry sample : manifest.samples()) {
            LeafProof ingest = sample.ingest();
            if (ingest.index() >= checkpoint.size()
                    || !new InclusionProof(ingest.index(), checkpoint.size(), ingest.path())
                            .verifies(ingest.leafHash(), checkpoint.rootHash())) {
                throw failed("the inclusion proof of sample " + sample.key() + " does not verify");
            }
        }
        if (!sha256(folder, CroissantDocument.FILE).equals(manifest.croissantSha256())) {
            throw failed(CroissantDocument.FILE + " does not match its SHA-256");
        }
        for (Shard shard : manifest.shards()) {
            if (!Files.isRegularFile(folder.resolve(shard.name()))) {
                throw failed("shard " + shard.name() + " is missing");
            }
            if (!DeliveryState.intact(folder, shard)) {
                throw failed("shard " + shard.name() + " does not match its SHA-256");
            }
            List<ProvenanceEntry> samples = manifest.samples().stream()
                    .filter(s -> s.shard().equals(shard.name()))
                    .toList();
            ShardMembers.check(folder.resolve(shard.name()), shard.name(), samples);
        }
        long listed = manifest.samples().stream()
                .filter(s ->
                        manifest.shards().stream().noneMatch(sh -> sh.name().equals(s.shard())))
                .count();
        if (listed > 0) {
            throw failed("provenance.json lists samples in a shard it does not list");
        }
        return new VerifiedDelivery(
                manifest.samples().stream().map(ProvenanceEntry::key).toList(),
                manifest.shards().size(),
                checkpoint.size());
    }

    private static ProvenanceJson.Signed readManifest(Path folder) {
        Path file = folder.resolve(ProvenanceManifest.FILE);
        try {
            if (!Files.isRegularFile(file)) {
                throw failed(ProvenanceManifest.FILE + " is missing");
            }
            if (Files.size(file) > MAX_MANIFEST) {
                throw failed(ProvenanceManifest.FILE + " is too large");
            }
            return ProvenanceJson.read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new CustodyException(ErrorCode.INTEGRITY_FAILURE, "delivery check failed: unreadable " + file, e);
        } catch (CustodyException e) {
            if (e.code() == ErrorCode.INTEGRITY_FAILURE) {
                throw e;
            }
            throw failed(e.getMessage());
        }
    }

    private Checkpoint checkpoint(String text) {
        try {
            Checkpoint checkpoint = Checkpoint.parse(text);
            CheckpointVerifier.of(keys).verify(checkpoint);
            return checkpoint;
        } catch (CustodyException | IllegalArgumentException e) {
            throw failed("the checkpoint in provenance.json does not verify");
        }
    }

    private static Bytes sha256(Path folder, String name) {
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw failed(name + " is missing");
        }
        MessageDigest digest = ShardWriter.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw failed(name + " cannot be read");
        }
        return Bytes.copyOf(digest.digest());
    }

    static CustodyException failed(String what) {
        return new CustodyException(ErrorCode.INTEGRITY_FAILURE, "delivery check failed: " + what);
    }
}
