package dev.custody.app;

import static dev.custody.app.SpineFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.blob.BlobId;
import dev.custody.blob.FileBlobStore;
import dev.custody.blob.OrphanBlobSweep;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.testkit.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A blob left by an ingest that died before recording its clip, or what a write killed midway left,
 * is deleted once it is old enough.
 */
class OrphanBlobSweepIT {
    @TempDir
    Path temp;

    final MutableClock clock = new MutableClock(Instant.now());
    SpineFixture fixture;

    @BeforeEach
    void open() {
        fixture = new SpineFixture(temp.resolve("data"), clock);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aBlobNoClipNames_isDeletedAfterTheGrace_whileEveryClipsBlobStays() throws IOException {
        Pseudonym alice = fixture.consentingContributor("Alice Example");
        Pseudonym bob = fixture.consentingContributor("Bob Example");
        ClipId kept = fixture.ingest(alice, SpineFixture.speech(1)).clip().id();
        fixture.ingest(bob, SpineFixture.speech(2));
        fixture.services.erasure().erase(ADMIN, bob); // erased with its blob: no orphan, nothing to sweep
        BlobId orphan = crashedIngestLeavesABlob();

        // And what a write killed midway leaves in the store's own temporary folder.
        Files.write(fixture.dataFolder.resolve("blobs/tmp/tmp_unfinished"), new byte[4096]);

        assertThat(fixture.services.orphans().run())
                .as("younger than the grace")
                .isEqualTo(new OrphanBlobSweep.Swept(0, 0));
        assertThat(blobNames()).hasSize(2).contains(orphan.value());

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(fixture.services.orphans().run()).isEqualTo(new OrphanBlobSweep.Swept(1, 1));

        assertThat(blobNames()).hasSize(1).doesNotContain(orphan.value());
        assertThat(fixture.dataFolder.resolve("blobs/tmp/tmp_unfinished")).doesNotExist();
        assertThat(fixture.services
                        .custodian()
                        .open(ADMIN, kept, "quality-check")
                        .bytes())
                .isEqualTo(SpineFixture.speech(1));
        assertThat(fixture.services.orphans().run().orphans())
                .as("a second pass")
                .isZero();
    }

    @Test
    void runIfDue_sweepsOnceADay_whoeverAsks_evenAfterARestart() throws IOException {
        assertThat(fixture.services.orphans().runIfDue()).as("never swept").isPresent();
        BlobId orphan = crashedIngestLeavesABlob();
        clock.advance(Duration.ofHours(23));
        fixture.close();
        fixture = new SpineFixture(temp.resolve("data"), clock);

        assertThat(fixture.services.orphans().runIfDue())
                .as("swept 23 hours ago")
                .isEmpty();
        assertThat(blobNames()).contains(orphan.value());

        clock.advance(Duration.ofHours(2));
        assertThat(fixture.services.orphans().runIfDue()).contains(new OrphanBlobSweep.Swept(1, 0));
        assertThat(blobNames()).doesNotContain(orphan.value());
    }

    @Test
    void morePastTheGraceThanTheLimit_failsClosed_deletingNone_andAtTheLimitDeletesThemAll() throws IOException {
        var metadata = fixture.installation.custody().metadataStore();
        var blobs = FileBlobStore.open(fixture.dataFolder.resolve("blobs"));
        var sweep = new OrphanBlobSweep(metadata, blobs, OrphanBlobSweep.DEFAULT_GRACE, 2, clock);
        crashedIngestLeavesABlob();
        crashedIngestLeavesABlob();
        crashedIngestLeavesABlob();
        clock.advance(Duration.ofDays(2));

        // As a database that is not this store's would look: most blobs named by no clip.
        assertThatThrownBy(sweep::run).isInstanceOfSatisfying(CustodyException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_FAILURE);
            assertThat(e.getMessage()).contains("Nothing was deleted");
        });
        assertThat(blobNames()).hasSize(3);

        blobs.delete(BlobId.ofStoredName(blobNames().getFirst()).orElseThrow());
        assertThat(sweep.run().orphans()).isEqualTo(2);
        assertThat(blobNames()).isEmpty();
    }

    /** What a process killed between a blob's write and its clip's commit leaves: a complete object. */
    private BlobId crashedIngestLeavesABlob() {
        return FileBlobStore.open(fixture.dataFolder.resolve("blobs")).write(out -> out.write(new byte[4096]));
    }

    private List<String> blobNames() throws IOException {
        try (Stream<Path> files = Files.walk(fixture.dataFolder.resolve("blobs").resolve("objects"))) {
            return files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .toList();
        }
    }
}
