package dev.custody.testkit;

import static dev.custody.testkit.RepositoryRecords.activeContributor;
import static dev.custody.testkit.RepositoryRecords.at;
import static dev.custody.testkit.RepositoryRecords.clip;
import static dev.custody.testkit.RepositoryRecords.consent;
import static dev.custody.testkit.RepositoryRecords.organization;
import static dev.custody.testkit.RepositoryRecords.project;
import static dev.custody.testkit.RepositoryRecords.sealedIdentity;
import static dev.custody.testkit.RepositoryRecords.voiceKey;
import static dev.custody.testkit.RepositoryRecords.withState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.blob.BlobId;
import dev.custody.clip.Clip;
import dev.custody.clip.ClipId;
import dev.custody.clip.ClipState;
import dev.custody.contributor.ConsentRecord;
import dev.custody.contributor.Contributor;
import dev.custody.contributor.ContributorState;
import dev.custody.contributor.Pseudonym;
import dev.custody.contributor.SealedIdentity;
import dev.custody.keys.WrappedKey;
import dev.custody.project.Organization;
import dev.custody.project.Project;
import dev.custody.project.ProjectId;
import dev.custody.store.MetadataStore;
import dev.custody.store.MetadataStore.TransactionWork;
import dev.custody.store.Repositories;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of {@link MetadataStore} and its repositories, run by every adapter. One store
 * serves the whole class: every test makes records with fresh random ids, so tests neither see
 * nor disturb each other's rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RepositoryContract {
    /** Strings that must come back exactly as given: path-like, SQL-like, placeholder-like, unicode. */
    private static final List<String> AWKWARD = List.of(
            "../../etc/passwd", "'; DROP TABLE clips; --", "Zoë Ó Súilleabháin — 日本語 🎙", ":name ? $1 %_ \\ \" `");

    static List<String> awkward() {
        return AWKWARD;
    }

    /** The store under test, open for the lifetime of the test class. */
    protected abstract MetadataStore store();

    private <T> T tx(TransactionWork<T> work) {
        return store().inTransaction(work);
    }

    private <T> Optional<T> find(TransactionWork<Optional<T>> work) {
        return store().inTransaction(work);
    }

    private <T> List<T> list(TransactionWork<List<T>> work) {
        return store().inTransaction(work);
    }

    private boolean check(TransactionWork<Boolean> work) {
        return store().inTransaction(work);
    }

    private void write(Consumer<Repositories> work) {
        store().inTransaction(repositories -> {
            work.accept(repositories);
            return null;
        });
    }

    private static void assertFailsWith(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    /** An organization, a project and an active contributor, stored. */
    private record Scene(Organization organization, Project project, Contributor contributor) {}

    private Scene scene() {
        Organization organization = organization("Acme Voice");
        Project project = project(organization.id(), List.of("first", "second", "third"));
        Contributor contributor = activeContributor();
        write(r -> {
            r.organizations().insert(organization);
            r.projects().insert(project);
            r.contributors().insert(contributor, sealedIdentity(), voiceKey());
        });
        return new Scene(organization, project, contributor);
    }

    private Pseudonym newContributor() {
        Contributor contributor = activeContributor();
        write(r -> r.contributors().insert(contributor, sealedIdentity(), voiceKey()));
        return contributor.pseudonym();
    }

    @Nested
    class Organizations {
        @Test
        void insert_thenFind_returnsEveryField() {
            Organization organization = organization("Acme Voice");
            write(r -> r.organizations().insert(organization));

            assertThat(find(r -> r.organizations().find(organization.id()))).contains(organization);
        }

        @Test
        void find_unknownId_isEmpty() {
            assertThat(find(r -> r.organizations().find(organization("x").id())))
                    .isEmpty();
        }

        @Test
        void insert_duplicateId_failsWithConflictAndKeepsTheFirst() {
            Organization first = organization("First");
            Organization second = new Organization(first.id(), "Second", at(5));
            write(r -> r.organizations().insert(first));

            assertFailsWith(
                    ErrorCode.CONFLICT, () -> write(r -> r.organizations().insert(second)));
            assertThat(find(r -> r.organizations().find(first.id()))).contains(first);
        }

        @ParameterizedTest
        @MethodSource("dev.custody.testkit.RepositoryContract#awkward")
        void name_isStoredVerbatim(String name) {
            Organization organization = organization(name);
            write(r -> r.organizations().insert(organization));

            assertThat(find(r -> r.organizations().find(organization.id())))
                    .map(Organization::name)
                    .contains(name);
        }
    }

    @Nested
    class Projects {
        @Test
        void insert_thenFind_returnsEveryFieldWithPromptsInOrder() {
            Scene scene = scene();

            Project found = tx(r -> r.projects().find(scene.project().id())).orElseThrow();

            assertThat(found).isEqualTo(scene.project());
            assertThat(found.prompts()).containsExactly("first", "second", "third");
            assertThat(found.limits()).isEqualTo(RepositoryRecords.LIMITS);
        }

        @Test
        void prompts_areStoredVerbatimAndInOrder() {
            Organization organization = organization("Acme Voice");
            Project project = project(organization.id(), AWKWARD.reversed());
            write(r -> {
                r.organizations().insert(organization);
                r.projects().insert(project);
            });

            assertThat(find(r -> r.projects().find(project.id())).orElseThrow().prompts())
                    .containsExactlyElementsOf(AWKWARD.reversed());
        }

        @Test
        void find_unknownId_isEmpty() {
            assertThat(find(r -> r.projects().find(ProjectId.random()))).isEmpty();
        }

        @Test
        void insert_duplicateId_failsWithConflict() {
            Scene scene = scene();

            assertFailsWith(ErrorCode.CONFLICT, () -> write(r -> r.projects().insert(scene.project())));
        }

        @Test
        void insert_forUnknownOrganization_failsWithNotFound() {
            Project orphan = project(organization("Nobody").id(), List.of("a"));

            assertFailsWith(ErrorCode.NOT_FOUND, () -> write(r -> r.projects().insert(orphan)));
            assertThat(find(r -> r.projects().find(orphan.id()))).isEmpty();
        }
    }

    @Nested
    class Contributors {
        @Test
        void insert_thenFind_returnsContributorIdentityAndVoiceKey() {
            Contributor contributor = activeContributor();
            SealedIdentity identity = sealedIdentity();
            WrappedKey key = voiceKey();
            write(r -> r.contributors().insert(contributor, identity, key));

            assertThat(find(r -> r.contributors().find(contributor.pseudonym())))
                    .contains(contributor);
            assertThat(find(r -> r.contributors().identity(contributor.pseudonym())))
                    .contains(identity);
            assertThat(find(r -> r.contributors().voiceKey(contributor.pseudonym())))
                    .contains(key);
        }

        @Test
        void unknownPseudonym_hasNoContributorIdentityOrKey() {
            Pseudonym unknown = Pseudonym.random();

            assertThat(find(r -> r.contributors().find(unknown))).isEmpty();
            assertThat(find(r -> r.contributors().identity(unknown))).isEmpty();
            assertThat(find(r -> r.contributors().voiceKey(unknown))).isEmpty();
        }

        @Test
        void insert_duplicatePseudonym_failsWithConflict() {
            Contributor contributor = activeContributor();
            write(r -> r.contributors().insert(contributor, sealedIdentity(), voiceKey()));

            assertFailsWith(
                    ErrorCode.CONFLICT,
                    () -> write(r -> r.contributors().insert(contributor, sealedIdentity(), voiceKey())));
        }

        @Test
        void erase_deletesIdentityAndVoiceKeyAndMarksErased() {
            Pseudonym pseudonym = newContributor();
            Instant erasedAt = at(9_000);

            assertThat(check(r -> r.contributors().erase(pseudonym, erasedAt))).isTrue();

            assertThat(find(r -> r.contributors().find(pseudonym))).hasValueSatisfying(found -> {
                assertThat(found.state()).isEqualTo(ContributorState.ERASED);
                assertThat(found.erasedAt()).contains(erasedAt);
            });
            assertThat(find(r -> r.contributors().identity(pseudonym))).isEmpty();
            assertThat(find(r -> r.contributors().voiceKey(pseudonym))).isEmpty();
        }

        @Test
        void erase_twice_returnsFalseAndKeepsTheFirstErasureTime() {
            Pseudonym pseudonym = newContributor();
            write(r -> r.contributors().erase(pseudonym, at(10)));

            assertThat(check(r -> r.contributors().erase(pseudonym, at(20)))).isFalse();
            assertThat(find(r -> r.contributors().find(pseudonym)).orElseThrow().erasedAt())
                    .contains(at(10));
        }

        @Test
        void erase_unknownPseudonym_returnsFalse() {
            assertThat(check(r -> r.contributors().erase(Pseudonym.random(), at(0))))
                    .isFalse();
        }

        @Test
        void erase_leavesOtherContributorsUntouched() {
            Pseudonym erased = newContributor();
            Pseudonym kept = newContributor();

            write(r -> r.contributors().erase(erased, at(1)));

            assertThat(find(r -> r.contributors().find(kept)).orElseThrow().state())
                    .isEqualTo(ContributorState.ACTIVE);
            assertThat(find(r -> r.contributors().voiceKey(kept))).isPresent();
            assertThat(find(r -> r.contributors().identity(kept))).isPresent();
        }
    }

    @Nested
    class Consents {
        @Test
        void latest_returnsTheMostRecentConsentOfThatContributorForThatProject() {
            Scene scene = scene();
            Pseudonym contributor = scene.contributor().pseudonym();
            ProjectId project = scene.project().id();
            ConsentRecord newest = consent(contributor, project, 3, at(300));
            write(r -> {
                r.consents().insert(consent(contributor, project, 1, at(100)));
                r.consents().insert(newest);
                r.consents().insert(consent(contributor, project, 2, at(200)));
            });

            assertThat(find(r -> r.consents().latest(contributor, project))).contains(newest);
        }

        @Test
        void latest_withoutConsentForThatProject_isEmpty() {
            Scene scene = scene();
            Pseudonym other = newContributor();
            write(r -> r.consents().insert(consent(other, scene.project().id(), 1, at(1))));

            assertThat(find(r -> r.consents()
                            .latest(
                                    scene.contributor().pseudonym(),
                                    scene.project().id())))
                    .isEmpty();
        }

        @Test
        void insert_duplicateId_failsWithConflict() {
            Scene scene = scene();
            ConsentRecord consent =
                    consent(scene.contributor().pseudonym(), scene.project().id(), 1, at(1));
            write(r -> r.consents().insert(consent));

            assertFailsWith(ErrorCode.CONFLICT, () -> write(r -> r.consents().insert(consent)));
        }
    }

    @Nested
    class Clips {
        @Test
        void insert_thenFind_returnsEveryField() {
            Scene scene = scene();
            Clip clip = clip(scene.project().id(), scene.contributor().pseudonym(), at(7));
            write(r -> r.clips().insert(clip));

            Clip found = tx(r -> r.clips().find(clip.id())).orElseThrow();

            assertThat(found).isEqualTo(clip);
            assertThat(found.audio()).isEqualTo(clip.audio());
            assertThat(found.quality().rmsDbfs()).isEqualTo(-200.0);
            assertThat(found.sha256()).isEqualTo(clip.sha256());
        }

        @Test
        void find_unknownId_isEmpty() {
            assertThat(find(r -> r.clips().find(ClipId.random()))).isEmpty();
        }

        @Test
        void byContributor_returnsOnlyTheirClipsOldestFirst() {
            Scene scene = scene();
            Pseudonym contributor = scene.contributor().pseudonym();
            Clip middle = clip(scene.project().id(), contributor, at(20));
            Clip newest = clip(scene.project().id(), contributor, at(30));
            Clip oldest = clip(scene.project().id(), contributor, at(10));
            Clip someoneElses = clip(scene.project().id(), newContributor(), at(15));
            write(r -> List.of(middle, newest, someoneElses, oldest).forEach(r.clips()::insert));

            assertThat(list(r -> r.clips().byContributor(contributor))).containsExactly(oldest, middle, newest);
        }

        @Test
        void insert_duplicateId_failsWithConflict() {
            Scene scene = scene();
            Clip clip = clip(scene.project().id(), scene.contributor().pseudonym(), at(1));
            write(r -> r.clips().insert(clip));

            assertFailsWith(ErrorCode.CONFLICT, () -> write(r -> r.clips().insert(clip)));
        }

        @Test
        void insert_forUnknownProjectOrContributor_failsWithNotFound() {
            Scene scene = scene();

            assertFailsWith(
                    ErrorCode.NOT_FOUND,
                    () -> write(r -> r.clips()
                            .insert(clip(ProjectId.random(), scene.contributor().pseudonym(), at(1)))));
            assertFailsWith(
                    ErrorCode.NOT_FOUND,
                    () -> write(r -> r.clips().insert(clip(scene.project().id(), Pseudonym.random(), at(1)))));
        }

        @Test
        void erase_marksEveryClipOfTheContributorErasedAndReturnsTheirBlobs() {
            Scene scene = scene();
            Pseudonym contributor = scene.contributor().pseudonym();
            Clip pending = clip(scene.project().id(), contributor, at(1));
            Clip accepted = withState(clip(scene.project().id(), contributor, at(2)), ClipState.ACCEPTED);
            Clip someoneElses = clip(scene.project().id(), newContributor(), at(3));
            write(r -> List.of(pending, accepted, someoneElses).forEach(r.clips()::insert));

            List<BlobId> blobs = tx(r -> r.clips().erase(contributor));

            assertThat(blobs).containsExactlyInAnyOrder(pending.blob(), accepted.blob());
            assertThat(list(r -> r.clips().byContributor(contributor)))
                    .extracting(Clip::state)
                    .containsOnly(ClipState.ERASED);
            assertThat(find(r -> r.clips().find(someoneElses.id()))).contains(someoneElses);
            assertThat(list(r -> r.clips().erase(contributor))).isEmpty();
        }

        @Test
        void concurrentInserts_fromHundredVirtualThreads_areAllStored() throws Exception {
            Scene scene = scene();
            Pseudonym contributor = scene.contributor().pseudonym();
            List<Clip> clips = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                clips.add(clip(scene.project().id(), contributor, at(i)));
            }

            insertConcurrently(clips);

            assertThat(list(r -> r.clips().byContributor(contributor))).containsExactlyElementsOf(clips);
        }

        private void insertConcurrently(List<Clip> clips) throws InterruptedException, ExecutionException {
            List<Future<?>> inserts = new ArrayList<>();
            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                for (Clip clip : clips) {
                    inserts.add(executor.submit(() -> write(r -> r.clips().insert(clip))));
                }
            }
            for (Future<?> insert : inserts) {
                insert.get(); // rethrows the first failure
            }
        }
    }

    @Nested
    class BlobDeletions {
        @Test
        void next_returnsTheOldestFirstUpToTheLimit() {
            // Queued long before any other test's entries, so they come first; removed afterwards.
            List<BlobId> blobs = List.of(BlobId.random(), BlobId.random(), BlobId.random());
            write(r -> {
                r.blobDeletions().enqueue(blobs.get(2), Instant.ofEpochMilli(3));
                r.blobDeletions().enqueue(blobs.get(0), Instant.ofEpochMilli(1));
                r.blobDeletions().enqueue(blobs.get(1), Instant.ofEpochMilli(2));
            });
            try {
                assertThat(list(r -> r.blobDeletions().next(2))).containsExactly(blobs.get(0), blobs.get(1));
            } finally {
                write(r -> blobs.forEach(r.blobDeletions()::remove));
            }
        }

        @Test
        void enqueue_sameBlobTwice_queuesItOnce() {
            BlobId blob = BlobId.random();
            write(r -> r.blobDeletions().enqueue(blob, at(1)));
            write(r -> r.blobDeletions().enqueue(blob, at(2)));

            assertThat(list(r -> r.blobDeletions().next(Integer.MAX_VALUE))).containsOnlyOnce(blob);
            write(r -> r.blobDeletions().remove(blob));
        }

        @Test
        void remove_dropsOnlyThatBlob() {
            BlobId removed = BlobId.random();
            BlobId kept = BlobId.random();
            write(r -> {
                r.blobDeletions().enqueue(removed, at(1));
                r.blobDeletions().enqueue(kept, at(1));
            });

            write(r -> r.blobDeletions().remove(removed));

            List<BlobId> queued = tx(r -> r.blobDeletions().next(Integer.MAX_VALUE));
            assertThat(queued).contains(kept).doesNotContain(removed);
            write(r -> r.blobDeletions().remove(kept));
        }
    }

    @Nested
    class Settings {
        @Test
        void get_unknownKey_isEmpty() {
            assertThat(find(r -> r.settings().get("no such key " + BlobId.random())))
                    .isEmpty();
        }

        @Test
        void put_overwritesThePreviousValue() {
            String key = "bootstrap-token-hash " + BlobId.random();
            write(r -> r.settings().put(key, "first"));
            write(r -> r.settings().put(key, "second"));

            assertThat(find(r -> r.settings().get(key))).contains("second");
        }

        @Test
        void keysAndValues_areStoredVerbatim() {
            String suffix = " " + BlobId.random();
            write(r -> AWKWARD.forEach(text -> r.settings().put(text + suffix, text)));

            for (String text : AWKWARD) {
                assertThat(find(r -> r.settings().get(text + suffix))).contains(text);
            }
        }
    }

    @Nested
    class Transactions {
        @Test
        void inTransaction_returnsWhatTheWorkReturns() {
            String result = tx(r -> "result");

            assertThat(result).isEqualTo("result");
        }

        @Test
        void workThatThrows_rollsBackEveryWriteAndPropagatesTheSameException() {
            Organization organization = organization("Rolled back");
            Contributor contributor = activeContributor();
            IllegalStateException failure = new IllegalStateException("work failed");

            assertThatThrownBy(() -> write(r -> {
                        r.organizations().insert(organization);
                        r.contributors().insert(contributor, sealedIdentity(), voiceKey());
                        r.settings().put("rolled back " + contributor.pseudonym(), "x");
                        throw failure;
                    }))
                    .isSameAs(failure);

            assertThat(find(r -> r.organizations().find(organization.id()))).isEmpty();
            assertThat(find(r -> r.contributors().find(contributor.pseudonym())))
                    .isEmpty();
            assertThat(find(r -> r.contributors().identity(contributor.pseudonym())))
                    .isEmpty();
            assertThat(find(r -> r.contributors().voiceKey(contributor.pseudonym())))
                    .isEmpty();
            assertThat(find(r -> r.settings().get("rolled back " + contributor.pseudonym())))
                    .isEmpty();
        }

        @Test
        void custodyExceptionFromTheWork_propagatesUnchanged() {
            CustodyException failure = CustodyException.invalidInput("bad input");

            assertThatThrownBy(() -> tx(r -> {
                        throw failure;
                    }))
                    .isSameAs(failure);
        }

        @Test
        void conflictInsideTheWork_rollsBackItsEarlierWrites() {
            Organization existing = organization("Existing");
            write(r -> r.organizations().insert(existing));
            Organization fresh = organization("Fresh");

            assertFailsWith(
                    ErrorCode.CONFLICT,
                    () -> write(r -> {
                        r.organizations().insert(fresh);
                        r.organizations().insert(existing);
                    }));

            assertThat(find(r -> r.organizations().find(fresh.id()))).isEmpty();
        }

        @Test
        void erasure_inOneTransaction_shredsKeyErasesClipsAndQueuesBlobs() {
            Scene scene = scene();
            Pseudonym contributor = scene.contributor().pseudonym();
            Clip clip = clip(scene.project().id(), contributor, at(1));
            write(r -> r.clips().insert(clip));

            List<BlobId> queued = tx(r -> {
                r.contributors().erase(contributor, at(2));
                List<BlobId> blobs = r.clips().erase(contributor);
                blobs.forEach(blob -> r.blobDeletions().enqueue(blob, at(2)));
                return r.blobDeletions().next(Integer.MAX_VALUE);
            });

            assertThat(queued).contains(clip.blob());
            assertThat(find(r -> r.contributors().voiceKey(contributor))).isEmpty();
            assertThat(find(r -> r.clips().find(clip.id())).map(Clip::state)).contains(ClipState.ERASED);
            write(r -> r.blobDeletions().remove(clip.blob()));
        }
    }
}
