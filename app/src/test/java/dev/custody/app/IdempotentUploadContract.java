package dev.custody.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Services;
import dev.custody.access.Principal;
import dev.custody.clip.Clip;
import dev.custody.clip.IdempotencyKey;
import dev.custody.clip.IngestRequest;
import dev.custody.clip.IngestResult;
import dev.custody.contributor.Identity;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.Project;
import dev.custody.receipt.ReceiptVerifier;
import dev.custody.testkit.MutableClock;
import dev.custody.testkit.ProjectPlans;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads with an Idempotency-Key and the duplicate-audio check, through the ingest service on a
 * real installation; run on SQLite and on PostgreSQL by the subclasses.
 */
abstract class IdempotentUploadContract {
    static final Principal ADMIN = Principal.bootstrapAdmin();

    @TempDir
    Path temp;

    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    Installation installation;
    Services services;
    Project project;
    Pseudonym contributor;

    /** A fresh installation on this test's clock. */
    abstract Installation open(Path folder, MutableClock clock);

    @BeforeEach
    void openInstallation() {
        installation = open(temp, clock);
        services = installation.custody().services();
        var organization = services.projects().createOrganization(ADMIN, "Acme Speech");
        project = services.projects()
                .createProject(
                        ADMIN,
                        organization.id(),
                        ProjectPlans.readAloud("Read-aloud", List.of("One.", "Two."), 1, Duration.ofDays(365)));
        contributor = consentingContributor("Ada Lovelace");
    }

    @AfterEach
    void close() {
        installation.close();
    }

    @Test
    void retry_ofAnUploadCommittedButNeverAnswered_returnsItsClipAndReceipt_andStoresNothingMore() {
        var key = new IdempotencyKey("take-1");
        byte[] audio = SpineFixture.speech(1);
        IngestResult first = ingest(contributor, 0, Optional.of(key), audio); // its answer is lost
        int blobs = blobCount();

        IngestResult retry = ingest(contributor, 0, Optional.of(key), audio);

        assertThat(retry.replayed()).isTrue();
        assertThat(first.replayed()).isFalse();
        assertThat(retry.clip()).isEqualTo(first.clip());
        // The same receipt: the same signed fields and the same ledger entry (its proof may be
        // against a newer checkpoint), and it verifies as the first did.
        assertThat(retry.receipt().receipt())
                .usingRecursiveComparison()
                .ignoringFields("ledger")
                .isEqualTo(first.receipt().receipt());
        var firstEntry = first.receipt().receipt().ledger().orElseThrow();
        var retryEntry = retry.receipt().receipt().ledger().orElseThrow();
        assertThat(retryEntry.leafIndex()).isEqualTo(firstEntry.leafIndex());
        assertThat(retryEntry.entry()).isEqualTo(firstEntry.entry());
        ReceiptVerifier.verify(retry.receipt(), services.ledger().keys().receipts());
        assertThat(clips(contributor)).hasSize(1);
        assertThat(blobCount()).isEqualTo(blobs);
    }

    @Test
    void concurrentUploads_withOneKey_storeOneClip_andAllReturnIt() throws Exception {
        var key = new IdempotencyKey("one-take-16-tries");
        byte[] audio = SpineFixture.speech(2);
        int tries = 16;
        var ready = new CountDownLatch(tries);
        List<Future<IngestResult>> results = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(tries)) {
            for (int i = 0; i < tries; i++) {
                results.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return ingest(contributor, 0, Optional.of(key), audio);
                }));
            }
        }
        var answered = new ArrayList<IngestResult>();
        for (Future<IngestResult> result : results) {
            answered.add(result.get());
        }

        List<Clip> stored = clips(contributor);
        assertThat(stored).hasSize(1);
        assertThat(answered)
                .extracting(r -> r.clip().id())
                .containsOnly(stored.getFirst().id());
        assertThat(answered).filteredOn(r -> !r.replayed()).hasSize(1);
        // The losers' blobs were deleted: only the stored clip's is left.
        assertThat(blobCount()).isEqualTo(1);
    }

    @Test
    void sameKey_withOtherBytesOrAnotherPrompt_isRefusedAsReused_andStoresNothing() {
        var key = new IdempotencyKey("reused");
        IngestResult first = ingest(contributor, 0, Optional.of(key), SpineFixture.speech(3));

        assertRefused(
                ErrorCode.IDEMPOTENCY_KEY_REUSED,
                () -> ingest(contributor, 0, Optional.of(key), SpineFixture.speech(4)));
        assertRefused(
                ErrorCode.IDEMPOTENCY_KEY_REUSED,
                () -> ingest(contributor, 1, Optional.of(key), SpineFixture.speech(3)));

        assertThat(clips(contributor))
                .extracting(Clip::id)
                .containsExactly(first.clip().id());
        assertThat(blobCount()).isEqualTo(1);
    }

    @Test
    void keys_areHeldPerSender() {
        var key = new IdempotencyKey("mine");
        Pseudonym other = consentingContributor("Grace Hopper");
        IngestResult mine =
                ingest(contributor, 0, Optional.of(key), SpineFixture.speech(5), asContributor(contributor));

        IngestResult theirs = ingest(other, 0, Optional.of(key), SpineFixture.speech(6), asContributor(other));

        assertThat(theirs.replayed()).isFalse();
        assertThat(theirs.clip().id()).isNotEqualTo(mine.clip().id());
    }

    @Test
    void duplicateAudio_ofTheSameContributor_isRefusedNamingTheEarlierClip_leavingNoBlob() {
        byte[] audio = SpineFixture.speech(7);
        IngestResult earlier = ingest(contributor, 0, Optional.empty(), audio);

        assertThatThrownBy(() -> ingest(contributor, 1, Optional.of(new IdempotencyKey("new-key")), audio))
                .isInstanceOfSatisfying(CustodyException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_AUDIO);
                    assertThat(e.getMessage()).contains(earlier.clip().id().value());
                });

        assertThat(clips(contributor)).hasSize(1);
        assertThat(blobCount()).isEqualTo(1);
        // Another contributor's identical audio is theirs to give.
        Pseudonym other = consentingContributor("Grace Hopper");
        assertThat(ingest(other, 0, Optional.empty(), audio).replayed()).isFalse();
    }

    @Test
    void duplicateAudio_ofAnErasedClip_isAcceptedAgain() {
        byte[] audio = SpineFixture.speech(8);
        IngestResult erased = ingest(contributor, 0, Optional.empty(), audio);
        installation
                .custody()
                .metadataStore()
                .inTransaction(r -> r.clips().erase(erased.clip().id()));

        IngestResult again = ingest(contributor, 0, Optional.empty(), audio);

        assertThat(again.clip().id()).isNotEqualTo(erased.clip().id());
    }

    @Test
    void afterTwentyFourHours_aKeyNoLongerAnswers_andIsForgotten() {
        var key = new IdempotencyKey("yesterday");
        byte[] audio = SpineFixture.speech(9);
        ingest(contributor, 0, Optional.of(key), audio);
        clock.advance(Duration.ofHours(24));

        // The key no longer answers: the upload is checked anew, and its audio is a duplicate.
        assertRefused(ErrorCode.DUPLICATE_AUDIO, () -> ingest(contributor, 0, Optional.of(key), audio));
        assertThat(services.ingest().forgetExpiredKeys()).isEqualTo(1);
        assertThat(services.ingest().forgetExpiredKeys()).isZero();
    }

    private IngestResult ingest(Pseudonym who, int prompt, Optional<IdempotencyKey> key, byte[] audio) {
        return ingest(who, prompt, key, audio, ADMIN);
    }

    private IngestResult ingest(
            Pseudonym who, int prompt, Optional<IdempotencyKey> key, byte[] audio, Principal caller) {
        return services.ingest()
                .ingest(caller, new IngestRequest(project.id(), who, prompt), key, new ByteArrayInputStream(audio));
    }

    private static Principal asContributor(Pseudonym pseudonym) {
        return new Principal(
                "acct_" + pseudonym.value(),
                dev.custody.access.Role.CONTRIBUTOR,
                Optional.empty(),
                Principal.newRequestId(),
                Optional.of(pseudonym));
    }

    private Pseudonym consentingContributor(String name) {
        var registered = services.contributors()
                .register(ADMIN, new Identity(name, name.toLowerCase().replace(' ', '.') + "@example.org"));
        PaperConsents.record(services, registered.pseudonym(), project.id());
        return registered.pseudonym();
    }

    private List<Clip> clips(Pseudonym who) {
        return installation
                .custody()
                .metadataStore()
                .inReadTransaction(r -> r.clips().byContributor(who));
    }

    private int blobCount() {
        var count = new AtomicInteger();
        installation
                .custody()
                .blobStore()
                .forEachWrittenBefore(Instant.now().plus(Duration.ofDays(1)), blob -> count.incrementAndGet());
        return count.get();
    }

    private static void assertRefused(ErrorCode code, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
