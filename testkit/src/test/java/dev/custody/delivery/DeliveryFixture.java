package dev.custody.delivery;

import dev.custody.Bytes;
import dev.custody.Sha256;
import dev.custody.audio.QualityFigures;
import dev.custody.audio.SampleEncoding;
import dev.custody.audio.SyntheticSpeech;
import dev.custody.audio.WavEncoder;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.keys.JcaSigner;
import dev.custody.keys.SecretBytes;
import dev.custody.keys.SignerAlgorithm;
import dev.custody.ledger.Checkpoint;
import dev.custody.ledger.CheckpointSigners;
import dev.custody.ledger.HashSource;
import dev.custody.ledger.MerkleHashes;
import dev.custody.ledger.MerkleProofs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A delivery of synthetic speech, signed by freshly generated ledger keys, its ingest entries
 * proven against an in-memory RFC 9162 tree of random entries. Counts how often audio is opened.
 */
final class DeliveryFixture {
    static final CheckpointSigners SIGNERS = new CheckpointSigners(
            "custody/ledger/test",
            JcaSigner.generate(SignerAlgorithm.ED25519),
            JcaSigner.generate(SignerAlgorithm.ML_DSA_65));
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-08T10:00:00Z"), ZoneOffset.UTC);

    final AtomicInteger opened = new AtomicInteger();
    final List<DeliveryItem> items = new ArrayList<>();
    final List<ClipId> clips = new ArrayList<>();
    final List<Pseudonym> speakers = new ArrayList<>();
    private final List<Bytes> leaves = new ArrayList<>();

    DeliveryFixture(int count, Duration length) {
        Pseudonym[] voices = {Pseudonym.random(), Pseudonym.random(), Pseudonym.random()};
        for (int i = 0; i < count * 2; i++) {
            leaves.add(MerkleHashes.leafHash(Bytes.copyOf(("entry " + i).getBytes())));
        }
        for (int i = 0; i < count; i++) {
            byte[] wav =
                    WavEncoder.encode(SyntheticSpeech.generate(length, 16_000, i), 16_000, 1, SampleEncoding.PCM_16);
            ClipId clip = ClipId.random();
            Pseudonym speaker = voices[i % voices.length];
            clips.add(clip);
            speakers.add(speaker);
            var metadata = new SampleMetadata(
                    "Prompt number " + i + ".",
                    "en-GB",
                    length.toMillis() * 16,
                    16_000,
                    1,
                    Sha256.of("terms v1"),
                    List.of("asr-training"),
                    LocalDate.of(2026, 11, 1 + i % 28),
                    new QualityFigures(0.0, -20.0, 0.1, 30.0),
                    i % 2 == 1);
            items.add(new DeliveryItem(clip, speaker, 2L * i + 1, metadata, () -> {
                opened.incrementAndGet();
                return wav.clone();
            }));
        }
    }

    static DeliveryKeys keys(String grant) {
        byte[] secret = new byte[32];
        secret[0] = (byte) grant.length();
        return HmacDeliveryKeys.of(grant, SecretBytes.copyOf(secret));
    }

    DeliverySource source() {
        var description = new DatasetDescription(
                "Read speech, en-GB",
                "Read prompts recorded by paid contributors.",
                "Acme Speech",
                "https://example.org/agreements/42",
                List.of("asr-training"),
                List.of("voice-cloning"),
                "0.35 EUR per accepted clip");
        return new DeliverySource() {
            @Override
            public DatasetDescription description() {
                return description;
            }

            @Override
            public long count() {
                return items.size();
            }

            @Override
            public Stream<DeliveryItem> items() {
                return items.stream();
            }
        };
    }

    DeliveryProofs proofs() {
        HashSource tree = (level, index) -> root(index << level, (index + 1) << level);
        return indexes -> {
            long size = leaves.size();
            String checkpoint = Checkpoint.sign(size, MerkleProofs.root(tree, size), SIGNERS)
                    .text();
            return new DeliveryProofs.Proven(
                    checkpoint,
                    indexes.stream()
                            .map(i -> new LeafProof(
                                    i,
                                    leaves.get(Math.toIntExact(i)),
                                    MerkleProofs.inclusion(tree, i, size).hashes()))
                            .toList());
        };
    }

    DeliveryWriter writer(long shardBytes) {
        return new DeliveryWriter(proofs(), SIGNERS, shardBytes, 4, CLOCK);
    }

    DeliveryResult write(Path folder, long shardBytes) {
        return writer(shardBytes).write(source(), keys("grant-a"), folder, DeliveryProgress.NONE);
    }

    private Bytes root(long start, long end) {
        if (end - start == 1) {
            return leaves.get(Math.toIntExact(start));
        }
        long k = Long.highestOneBit(end - start - 1);
        return MerkleHashes.nodeHash(root(start, start + k), root(start + k, end));
    }
}
