package dev.custody.app;

import static dev.custody.app.EmbeddedSpineIT.assertCode;
import static dev.custody.app.SpineFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.ErrorCode;
import dev.custody.audio.SampleEncoding;
import dev.custody.audio.WavEncoder;
import dev.custody.audit.ReceiptCheck;
import dev.custody.jdbc.JdbcMetadataStore;
import dev.custody.ledger.Action;
import dev.custody.ledger.Checkpoint;
import dev.custody.ledger.CheckpointVerifier;
import dev.custody.ledger.InclusionProof;
import dev.custody.ledger.LedgerEntry;
import dev.custody.ledger.LedgerEntryCodec;
import dev.custody.ledger.MerkleHashes;
import dev.custody.receipt.ReceiptVerifier;
import dev.custody.receipt.SignedReceipt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerIntegrationIT {
    @TempDir
    Path temp;

    SpineFixture fixture;

    @BeforeEach
    void open() {
        fixture = new SpineFixture(temp.resolve("data"));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void everyStateChangeAndEveryAccess_isLoggedInOrder_withPurposeAndNoNames() {
        var alice = fixture.consentingContributor("Alice Example");
        var clip = fixture.ingest(alice, SpineFixture.speech(1)).clip();
        assertCode(() -> fixture.ingest(alice, new byte[0]), ErrorCode.AUDIO_MALFORMED);
        fixture.services.custodian().open(ADMIN, clip.id(), "review");
        fixture.services.erasure().erase(ADMIN, alice);

        List<LedgerEntry> entries = fixture.services.ledger().entries(ADMIN, 0, Long.MAX_VALUE);
        assertThat(entries)
                .extracting(LedgerEntry::action)
                .containsExactly(
                        Action.ACCOUNT_CHANGED, // the first operator's account
                        Action.PERMISSION_CHANGED, // ... and its role
                        Action.ACCOUNT_CHANGED, // the bootstrap administrator
                        Action.CONFIGURATION_CHANGED, // organization
                        Action.CONFIGURATION_CHANGED, // project
                        Action.CONSENT_TERMS_PUBLISHED, // its first terms
                        Action.ACCOUNT_CHANGED, // contributor registered
                        Action.CONSENT_GIVEN,
                        Action.PAPER_CONSENT_RECORDED, // recorded by staff from a signed form
                        Action.CLIP_INGESTED,
                        Action.CLIP_REJECTED,
                        Action.CLIP_OPENED,
                        Action.CLIP_OPEN_ENDED, // delivered
                        Action.CONTRIBUTOR_ERASED);
        LedgerEntry opened = entries.get(11);
        assertThat(opened.purpose()).isEqualTo("review");
        assertThat(opened.actor().id()).isEqualTo("admin");
        assertThat(opened.subjects().toString()).contains(clip.id().value(), alice.value());
        for (LedgerEntry entry : entries) {
            String encoded =
                    new String(LedgerEntryCodec.encode(entry).toArray(), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(encoded).doesNotContain("Alice", "alice.example@example.org", "Wendy Witness");
        }
    }

    @Test
    void receipt_carriesAnInclusionProof_thatVerifiesOfflineWithThePublishedKeys() {
        var alice = fixture.consentingContributor("Alice Example");
        SignedReceipt signed = SignedReceipt.parse(
                fixture.ingest(alice, SpineFixture.speech(2)).receipt().toText());
        var keys = fixture.services.ledger().keys();

        ReceiptVerifier.verify(signed, keys.receipts());
        var inclusion = signed.receipt().ledger().orElseThrow();
        Checkpoint checkpoint = Checkpoint.parse(inclusion.checkpoint());
        CheckpointVerifier.of(keys.ledger()).verify(checkpoint);
        LedgerEntry entry = fixture.services
                .ledger()
                .entries(ADMIN, inclusion.leafIndex(), inclusion.leafIndex() + 1)
                .getFirst();
        assertThat(entry.action()).isEqualTo(Action.CLIP_INGESTED);
        assertThat(entry.subjects().toString()).contains(signed.receipt().clip().value());
        new InclusionProof(inclusion.leafIndex(), inclusion.treeSize(), inclusion.proof())
                .verify(MerkleHashes.leafHash(LedgerEntryCodec.encode(entry)), checkpoint.rootHash());
    }

    @Test
    void receiptsOfConcurrentUploads_eachProveTheirOwnEntry_acrossTheTilesTheyShare() throws Exception {
        var alice = fixture.consentingContributor("Alice Example");
        byte[] clip = SpineFixture.speech(3);
        var keys = fixture.services.ledger().keys();
        List<Future<SignedReceipt>> uploads = new ArrayList<>();
        // More uploads than one tile of 256 leaves holds, so proofs reach across a tile boundary
        // while other uploads' proofs are computed in the same shared read.
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 300; i++) {
                // Each a take of its own: the same bytes twice would be refused as DUPLICATE_AUDIO.
                byte[] take = clip.clone();
                take[take.length - 2] ^= (byte) i;
                take[take.length - 1] ^= (byte) (i >> 8);
                uploads.add(executor.submit(() -> SignedReceipt.parse(
                        fixture.ingest(alice, take).receipt().toText())));
            }
        }

        Set<Long> leaves = new HashSet<>();
        for (Future<SignedReceipt> upload : uploads) {
            SignedReceipt receipt = upload.get();
            LedgerEntry entry = ReceiptCheck.verify(receipt, keys);
            assertThat(entry.subjects().toString())
                    .contains(receipt.receipt().clip().value());
            leaves.add(entry.index());
        }
        assertThat(leaves).hasSize(300);
    }

    @Test
    void custodian_failsClosed_whenTheLedgerCannotTakeTheEntry() {
        var alice = fixture.consentingContributor("Alice Example");
        var clip = fixture.ingest(alice, SpineFixture.speech(3)).clip();
        long before =
                fixture.services.ledger().entries(ADMIN, 0, Long.MAX_VALUE).size();
        var store = (JdbcMetadataStore) fixture.installation.custody().metadataStore();
        store.inJdbcTransaction(
                r -> r.handle()
                        .execute(
                                "CREATE TRIGGER ledger_down BEFORE INSERT ON ledger_entry BEGIN SELECT RAISE(ABORT, 'down'); END"));

        assertCode(() -> fixture.services.custodian().open(ADMIN, clip.id(), "review"), ErrorCode.LEDGER_UNAVAILABLE);
        assertCode(() -> fixture.services.erasure().erase(ADMIN, alice), ErrorCode.LEDGER_UNAVAILABLE);
        assertCode(() -> fixture.ingest(alice, SpineFixture.speech(4)), ErrorCode.LEDGER_UNAVAILABLE);

        store.inJdbcTransaction(r -> r.handle().execute("DROP TRIGGER ledger_down"));
        assertThat(fixture.services
                        .contributors()
                        .contributor(ADMIN, alice)
                        .state()
                        .name())
                .isEqualTo("ACTIVE");
        assertThat(fixture.services.contributors().clips(ADMIN, alice)).hasSize(1);
        assertThat(fixture.services.ledger().entries(ADMIN, 0, Long.MAX_VALUE)).hasSize((int) before);
        assertThat(fixture.services.custodian().open(ADMIN, clip.id(), "review").bytes())
                .isEqualTo(SpineFixture.speech(3));
    }

    @Test
    void rejectedUploads_areLoggedWithTheirReason() {
        var alice = fixture.consentingContributor("Alice Example");
        byte[] silence = WavEncoder.encode(new float[32_000], 16_000, 1, SampleEncoding.PCM_16);
        assertCode(() -> fixture.ingest(alice, silence), ErrorCode.AUDIO_SILENT);

        var last = fixture.services.ledger().entries(ADMIN, 0, Long.MAX_VALUE).getLast();
        assertThat(last.action()).isEqualTo(Action.CLIP_REJECTED);
    }
}
