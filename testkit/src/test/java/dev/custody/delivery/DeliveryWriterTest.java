package dev.custody.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryWriterTest {
    private static final long SHARD_BYTES = 100_000;

    @TempDir
    Path folder;

    private final DeliveryFixture fixture = new DeliveryFixture(12, Duration.ofSeconds(1));

    @Test
    void write_putsEachSampleAsKeyedWavAndJson_inShardsOfTheAskedSize() throws IOException {
        DeliveryResult result = fixture.write(folder, SHARD_BYTES);

        assertThat(result.samples()).isEqualTo(12);
        assertThat(result.shards()).isGreaterThan(2);
        DeliveryKeys keys = DeliveryFixture.keys("grant-a");
        List<String> members = new ArrayList<>();
        for (int i = 0; i < result.shards(); i++) {
            Path shard = folder.resolve("shard-%06d.tar".formatted(i));
            assertThat(Files.size(shard)).isLessThanOrEqualTo(SHARD_BYTES);
            members.addAll(memberNames(shard));
        }
        List<String> expected = new ArrayList<>();
        fixture.clips.forEach(clip -> {
            expected.add(keys.sampleKey(clip) + ".wav");
            expected.add(keys.sampleKey(clip) + ".json");
        });
        assertThat(members).isEqualTo(expected);
        assertThat(DeliveryVerifier.of(DeliveryFixture.SIGNERS.keys())
                        .verify(folder)
                        .keys())
                .hasSize(12);
    }

    @Test
    void write_namesNoClipIdAndNoPseudonym_inAnyFile() throws IOException {
        fixture.write(folder, SHARD_BYTES);

        List<String> secrets = new ArrayList<>();
        fixture.clips.forEach(clip -> secrets.add(clip.value()));
        fixture.speakers.forEach(speaker -> secrets.add(speaker.value()));
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(secrets).noneMatch(raw::contains);
            }
        }
    }

    @Test
    void keys_differAcrossGrants_andLabelsFromKeys() {
        ClipId clip = fixture.clips.getFirst();
        Pseudonym speaker = fixture.speakers.getFirst();
        DeliveryKeys a = DeliveryFixture.keys("grant-a");
        DeliveryKeys b = DeliveryFixture.keys("grant-b");

        assertThat(a.sampleKey(clip)).isNotEqualTo(b.sampleKey(clip)).matches("[0-9a-f]{32}");
        assertThat(a.speakerLabel(speaker)).isNotEqualTo(b.speakerLabel(speaker));
        assertThat(a.sampleKey(clip)).isEqualTo(DeliveryFixture.keys("grant-a").sampleKey(clip));
    }

    @Test
    void secondRun_skipsFinishedShards_andRewritesOnlyAMissingOne() throws IOException {
        DeliveryResult first = fixture.write(folder, SHARD_BYTES);
        assertThat(fixture.opened.get()).isEqualTo(12);

        DeliveryResult again = fixture.write(folder, SHARD_BYTES);
        assertThat(again.shardsWritten()).isZero();
        assertThat(fixture.opened.get()).isEqualTo(12);

        Path last = folder.resolve("shard-%06d.tar".formatted(first.shards() - 1));
        long lastSamples = memberNames(last).size() / 2;
        Files.delete(last);
        DeliveryResult resumed = fixture.write(folder, SHARD_BYTES);

        assertThat(resumed.shardsWritten()).isEqualTo(1);
        assertThat(fixture.opened.get()).isEqualTo(12 + lastSamples);
        DeliveryVerifier.of(DeliveryFixture.SIGNERS.keys()).verify(folder);
    }

    @Test
    void failedRun_leavesNoTemporaryShard() throws IOException {
        DeliveryItem good = fixture.items.get(5);
        fixture.items.set(
                5, new DeliveryItem(good.clip(), good.speaker(), good.ingestLedgerIndex(), good.metadata(), () -> {
                    throw new CustodyException(ErrorCode.ERASED, "the clip was erased");
                }));

        assertThatThrownBy(() -> fixture.write(folder, SHARD_BYTES))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ERASED));
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
        assertThat(folder.resolve(ProvenanceManifest.FILE)).doesNotExist();
    }

    @Test
    void run_intoAFolderOfAnotherSelection_isRefused() {
        fixture.write(folder, SHARD_BYTES);
        fixture.items.removeFirst();

        assertThatThrownBy(() -> fixture.write(folder, SHARD_BYTES))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
    }

    static List<String> memberNames(Path shard) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(shard);
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                names.add(entry.getName());
                assertThat(entry.getUserName()).isEmpty();
            }
        }
        return names;
    }
}
