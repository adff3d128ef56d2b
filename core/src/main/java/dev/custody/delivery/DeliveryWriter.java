package dev.custody.delivery;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.ledger.CheckpointSigners;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a delivery into a folder: WebDataset shards ({@code shard-000000.tar}, ...), then {@code
 * croissant.json} (see {@link CroissantDocument}) and the signed {@code provenance.json} (see
 * {@link ProvenanceManifest}).
 *
 * <p>Resumable: each shard is written under a temporary name, synced and renamed, then recorded
 * with its hash in the folder's state; a second run skips every recorded shard whose file still has
 * that hash (without opening its clips), after checking that the selection still starts with the
 * same samples, and writes the rest. A failed run deletes its temporary shard, and a run deletes
 * those a killed one left, so no plaintext stays under a temporary name.
 *
 * <p>Clips are opened and prepared by {@code parallelism} virtual threads ahead of the one that
 * writes, in order. Throws what the source, the opener and the proofs throw; {@code CONFLICT} when
 * the folder was written for another selection or shard size; {@code INVALID_INPUT} for an empty
 * selection; {@code STORAGE_UNAVAILABLE} when the folder cannot be written.
 */
public final class DeliveryWriter {
    /** Shards of about 1 GB unless asked otherwise. */
    public static final long DEFAULT_SHARD_BYTES = 1_000_000_000L;

    private final DeliveryProofs proofs;
    private final CheckpointSigners signers;
    private final long shardBytes;
    private final int parallelism;
    private final Clock clock;

    public DeliveryWriter(
            DeliveryProofs proofs, CheckpointSigners signers, long shardBytes, int parallelism, Clock clock) {
        this.proofs = requireNonNull(proofs, "proofs is null");
        this.signers = requireNonNull(signers, "signers is null");
        if (shardBytes < 4096 || parallelism < 1) {
            throw new IllegalArgumentException("shards of at least 4096 bytes, and at least one opener");
        }
        this.shardBytes = shardBytes;
        this.parallelism = parallelism;
        this.clock = requireNonNull(clock, "clock is null");
    }

    public DeliveryResult write(DeliverySource source, DeliveryKeys keys, Path folder, DeliveryProgress progress) {
        requireNonNull(source, "source is null");
        requireNonNull(progress, "progress is null");
        var preparation = new SamplePreparation(keys);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw DeliveryFiles.unwritable(e);
        }
        DeliveryFiles.removeLeftovers(folder);
        DeliveryState state = DeliveryState.load(folder, shardBytes);
        List<Shard> kept = state.keepIntact(folder);
        int written;
        try (Stream<DeliveryItem> items = source.items()) {
            Iterator<DeliveryItem> remaining = skipFinished(items.iterator(), kept, preparation);
            long done = kept.stream().mapToLong(s -> s.samples().size()).sum();
            progress.started(source.count(), done);
            try (var pipeline = new PreparationPipeline(remaining, preparation, parallelism)) {
                written = writeShards(pipeline, state, kept.size(), folder, progress);
            }
        }
        List<Shard> shards = state.shards();
        if (shards.isEmpty()) {
            throw CustodyException.invalidInput("the selection holds no clip to deliver");
        }
        byte[] croissant = CroissantDocument.of(source.description(), shards, clock.instant())
                .bytes();
        DeliveryFiles.writeDurably(folder, CroissantDocument.FILE, croissant);
        var manifest = ProvenanceManifest.build(shards, croissant, proofs);
        DeliveryFiles.writeDurably(folder, ProvenanceManifest.FILE, manifest.sign(signers));
        long samples = shards.stream().mapToLong(s -> s.samples().size()).sum();
        long bytes = shards.stream().mapToLong(Shard::bytes).sum();
        return new DeliveryResult(samples, shards.size(), written, bytes);
    }

    /** Passes over the items that finished shards hold, checking they are the same samples. */
    private static Iterator<DeliveryItem> skipFinished(
            Iterator<DeliveryItem> items, List<Shard> kept, SamplePreparation preparation) {
        for (Shard shard : kept) {
            for (DeliveredSample sample : shard.samples()) {
                if (!items.hasNext() || !preparation.key(items.next()).equals(sample.key())) {
                    throw new CustodyException(
                            ErrorCode.CONFLICT,
                            "the delivery folder holds another selection: deliver into an empty folder");
                }
            }
        }
        return items;
    }

    private int writeShards(
            PreparationPipeline pipeline, DeliveryState state, int number, Path folder, DeliveryProgress progress) {
        int written = 0;
        ShardWriter shard = null;
        try {
            while (pipeline.hasNext()) {
                PreparedSample sample = pipeline.next();
                if (shard != null
                        && !shard.isEmpty()
                        && shard.sizeWith(sample.wav().length, sample.json().length) > shardBytes) {
                    state.finished(folder, shard.finish());
                    shard = null;
                    written++;
                }
                if (shard == null) {
                    shard = ShardWriter.create(folder, Shard.name(number + written));
                }
                shard.add(sample);
                progress.written(sample.wav().length + sample.json().length);
            }
            if (shard != null) {
                state.finished(folder, shard.finish());
                written++;
            }
            return written;
        } finally {
            if (shard != null) {
                shard.close();
            }
        }
    }
}
