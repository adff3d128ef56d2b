package dev.custody.testkit;

import static dev.custody.testkit.RepositoryRecords.T0;
import static dev.custody.testkit.RepositoryRecords.at;
import static dev.custody.testkit.RepositoryRecords.clip;
import static dev.custody.testkit.RepositoryRecords.withState;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.ErrorCode;
import dev.custody.blob.BlobId;
import dev.custody.clip.Clip;
import dev.custody.clip.ClipId;
import dev.custody.clip.ClipState;
import dev.custody.clip.IdempotencyKey;
import dev.custody.clip.KeyedUpload;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import dev.custody.review.ClipCount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link dev.custody.store.ClipRepository}: every field, order, erasure, expiry,
 * counts, concurrent inserts. Run through {@link RepositoryContract}.
 */
public abstract class ClipRepositoryContract extends RepositoryContractSupport {
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
    void recordedIngestEntries_areReturnedForTheClipsAskedFor_andClipsWithoutOneAreAbsent() {
        Scene scene = scene();
        Pseudonym contributor = scene.contributor().pseudonym();
        Clip first = clip(scene.project().id(), contributor, at(1));
        Clip second = clip(scene.project().id(), contributor, at(2));
        Clip unrecorded = clip(scene.project().id(), contributor, at(3));
        Clip notAsked = clip(scene.project().id(), contributor, at(4));
        write(r -> {
            List.of(first, second, unrecorded, notAsked).forEach(r.clips()::insert);
            r.clips().recordIngestEntry(first.id(), 0);
            r.clips().recordIngestEntry(second.id(), 5_000_000_000L);
            r.clips().recordIngestEntry(notAsked.id(), 9);
        });

        Map<ClipId, Long> entries =
                tx(r -> r.clips().ingestEntries(Set.of(first.id(), second.id(), unrecorded.id(), ClipId.random())));

        assertThat(entries).containsOnly(Map.entry(first.id(), 0L), Map.entry(second.id(), 5_000_000_000L));
    }

    @Test
    void ingestEntries_ofMoreClipsThanOneStatementTakes_areAllFound() {
        Scene scene = scene();
        Pseudonym contributor = scene.contributor().pseudonym();
        List<Clip> clips = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            clips.add(clip(scene.project().id(), contributor, at(i)));
        }
        write(r -> {
            for (int i = 0; i < clips.size(); i++) {
                r.clips().insert(clips.get(i));
                r.clips().recordIngestEntry(clips.get(i).id(), i);
            }
        });

        Map<ClipId, Long> entries =
                tx(r -> r.clips().ingestEntries(clips.stream().map(Clip::id).collect(Collectors.toSet())));

        assertThat(entries).hasSize(clips.size());
        assertThat(entries.get(clips.get(1_111).id())).isEqualTo(1_111L);
    }

    @Test
    void namedBlobs_areThoseOfClips_erasedOrNot_outOfMoreThanOneStatementTakes() {
        Scene scene = scene();
        Pseudonym contributor = scene.contributor().pseudonym();
        Clip kept = clip(scene.project().id(), contributor, at(1));
        Clip erased = clip(scene.project().id(), contributor, at(2));
        write(r -> {
            r.clips().insert(kept);
            r.clips().insert(erased);
            r.clips().erase(erased.id());
        });
        Set<BlobId> asked = new HashSet<>(Set.of(kept.blob(), erased.blob()));
        for (int i = 0; i < 1_200; i++) {
            asked.add(BlobId.random());
        }

        Set<BlobId> named = tx(r -> r.clips().namedBlobs(asked));

        assertThat(named).containsExactlyInAnyOrder(kept.blob(), erased.blob());
    }

    @Test
    void recordIngestEntry_ofAnUnknownClip_failsWithNotFound() {
        assertFailsWith(ErrorCode.NOT_FOUND, () -> write(r -> r.clips().recordIngestEntry(ClipId.random(), 1)));
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
    void clipsOfAnErasedContributor_readErasedWithoutKeyHeader_beforeTheyAreMarked() {
        Scene scene = scene();
        Pseudonym contributor = scene.contributor().pseudonym();
        Clip accepted = withState(clip(scene.project().id(), contributor, at(1)), ClipState.ACCEPTED);
        write(r -> r.clips().insert(accepted));

        write(r -> r.contributors().erase(contributor, at(2)));

        assertThat(find(r -> r.clips().find(accepted.id()))).hasValueSatisfying(found -> {
            assertThat(found.state()).isEqualTo(ClipState.ERASED);
            assertThat(found.keyHeader()).isEmpty();
        });
        assertThat(list(r -> r.clips().byContributor(contributor)))
                .extracting(Clip::state)
                .containsOnly(ClipState.ERASED);
        Map<ClipState, Long> counts =
                tx(r -> r.clips().countByState(scene.project().id()));
        long notMarked = tx(r -> r.clips().countNotMarkedErased(contributor));
        assertThat(counts).containsEntry(ClipState.ERASED, 1L);
        assertThat(notMarked).isEqualTo(1L);
    }

    @Test
    void eraseInBatches_marksAtMostTheLimit_untilNoneIsLeft() {
        Scene scene = scene();
        Pseudonym contributor = scene.contributor().pseudonym();
        write(r -> List.of(
                        clip(scene.project().id(), contributor, at(1)),
                        clip(scene.project().id(), contributor, at(2)),
                        clip(scene.project().id(), contributor, at(3)))
                .forEach(r.clips()::insert));

        assertThat(list(r -> r.clips().erase(contributor, 2))).hasSize(2);
        assertThat(list(r -> r.clips().erase(contributor, 2))).hasSize(1);
        assertThat(list(r -> r.clips().erase(contributor, 2))).isEmpty();
        long notMarked = tx(r -> r.clips().countNotMarkedErased(contributor));
        assertThat(notMarked).isZero();
    }

    @Test
    void erase_marksEveryClipOfTheContributorErasedAndReturnsTheirBlobs() {
        Scene scene = scene();
        Pseudonym contributor = scene.contributor().pseudonym();
        Clip pending = clip(scene.project().id(), contributor, at(1));
        Clip accepted = withState(clip(scene.project().id(), contributor, at(2)), ClipState.ACCEPTED);
        Clip someoneElses = clip(scene.project().id(), newContributor(), at(3));
        write(r -> List.of(pending, accepted, someoneElses).forEach(r.clips()::insert));

        List<BlobId> blobs = tx(r -> r.clips().erase(contributor, 100));

        assertThat(blobs).containsExactlyInAnyOrder(pending.blob(), accepted.blob());
        assertThat(list(r -> r.clips().byContributor(contributor)))
                .extracting(Clip::state)
                .containsOnly(ClipState.ERASED);
        assertThat(list(r -> r.clips().byContributor(contributor)))
                .allSatisfy(clip -> assertThat(clip.keyHeader()).isEmpty());
        assertThat(find(r -> r.clips().find(someoneElses.id()))).contains(someoneElses);
        assertThat(list(r -> r.clips().erase(contributor, 100))).isEmpty();
    }

    @Test
    void eraseOneClip_deletesItsKeyHeader_andLeavesTheContributorsOtherClips() {
        Scene scene = scene();
        Pseudonym contributor = scene.contributor().pseudonym();
        Clip erased = clip(scene.project().id(), contributor, at(1));
        Clip kept = clip(scene.project().id(), contributor, at(2));
        write(r -> List.of(erased, kept).forEach(r.clips()::insert));

        assertThat(find(r -> r.clips().erase(erased.id()))).contains(erased.blob());

        Clip stored = find(r -> r.clips().find(erased.id())).orElseThrow();
        assertThat(stored.state()).isEqualTo(ClipState.ERASED);
        assertThat(stored.keyHeader()).isEmpty();
        assertThat(find(r -> r.clips().find(kept.id()))).contains(kept);
        assertThat(find(r -> r.clips().erase(erased.id()))).isEmpty();
        assertThat(find(r -> r.clips().erase(dev.custody.clip.ClipId.random()))).isEmpty();
    }

    @Test
    void lockForReview_holdsOnlyAClipAwaitingReview() {
        Scene scene = scene();
        Pseudonym contributor = scene.contributor().pseudonym();
        Clip pending = clip(scene.project().id(), contributor, at(1));
        Clip accepted = withState(clip(scene.project().id(), contributor, at(2)), ClipState.ACCEPTED);
        Clip erased = withState(clip(scene.project().id(), contributor, at(3)), ClipState.ERASED);
        write(r -> List.of(pending, accepted, erased).forEach(r.clips()::insert));

        assertThat(check(r -> r.clips().lockForReview(pending.id()))).isTrue();
        assertThat(check(r -> r.clips().lockForReview(accepted.id()))).isFalse();
        assertThat(check(r -> r.clips().lockForReview(erased.id()))).isFalse();
        assertThat(check(r -> r.clips().lockForReview(ClipId.random()))).isFalse();
        assertThat(find(r -> r.clips().find(pending.id()))).contains(pending);
    }

    @Test
    void decide_movesOnlyAClipAwaitingReview() {
        Scene scene = scene();
        Pseudonym contributor = scene.contributor().pseudonym();
        Clip toAccept = clip(scene.project().id(), contributor, at(1));
        Clip toReject = clip(scene.project().id(), contributor, at(2));
        Clip erased = withState(clip(scene.project().id(), contributor, at(3)), ClipState.ERASED);
        write(r -> List.of(toAccept, toReject, erased).forEach(r.clips()::insert));

        assertThat(check(r -> r.clips().decide(toAccept.id(), ClipState.ACCEPTED)))
                .isTrue();
        assertThat(check(r -> r.clips().decide(toReject.id(), ClipState.REJECTED)))
                .isTrue();
        assertThat(check(r -> r.clips().decide(toAccept.id(), ClipState.REJECTED)))
                .isFalse();
        assertThat(check(r -> r.clips().decide(erased.id(), ClipState.ACCEPTED)))
                .isFalse();

        assertThat(find(r -> r.clips().find(toAccept.id()))).contains(withState(toAccept, ClipState.ACCEPTED));
        assertThat(find(r -> r.clips().find(toReject.id()))).contains(withState(toReject, ClipState.REJECTED));
        assertThat(find(r -> r.clips().find(erased.id()))).contains(erased);
    }

    @Test
    void countByState_countsTheProjectsClipsOnly() {
        Scene scene = scene();
        Pseudonym contributor = scene.contributor().pseudonym();
        write(r -> {
            r.clips().insert(clip(scene.project().id(), contributor, at(1)));
            r.clips().insert(clip(scene.project().id(), contributor, at(2)));
            r.clips().insert(withState(clip(scene.project().id(), contributor, at(3)), ClipState.REJECTED));
        });
        scene();
        Map<ClipState, Long> counts =
                tx(r -> r.clips().countByState(scene.project().id()));
        Map<ClipState, Long> none = tx(r -> r.clips().countByState(ProjectId.random()));

        assertThat(counts).isEqualTo(Map.of(ClipState.PENDING_REVIEW, 2L, ClipState.REJECTED, 1L));
        assertThat(none).isEmpty();
    }

    @Test
    void countByDayAndByPrompt_countTheProjectsClips_collectedAndAcceptedNow() {
        Scene scene = scene();
        ProjectId project = scene.project().id();
        Pseudonym contributor = scene.contributor().pseudonym();
        write(r -> {
            r.clips().insert(clip(project, contributor, at(1)));
            r.clips().insert(withState(clip(project, contributor, at(2)), ClipState.ACCEPTED));
            r.clips().insert(withState(clip(project, contributor, T0.plus(Duration.ofDays(2))), ClipState.ACCEPTED));
        });
        scene();
        long day = T0.toEpochMilli() / Duration.ofDays(1).toMillis();

        assertThat(list(r -> r.clips().countByDay(project)))
                .containsExactly(new ClipCount(day, 2, 1), new ClipCount(day + 2, 1, 1));
        assertThat(list(r -> r.clips().countByPrompt(project))).containsExactly(new ClipCount(2, 3, 2));
        assertThat(list(r -> r.clips().countByDay(ProjectId.random()))).isEmpty();
    }

    void expired_returnsClipsWhoseProjectsRetentionHasPassed_notErasedOnes_longestExpiredFirst() {
        Scene scene = scene();
        Pseudonym contributor = scene.contributor().pseudonym();
        // Years before any other test's clips, so that these expire in an order of their own.
        Instant recorded = T0.minus(Duration.ofDays(3_650));
        Clip first = clip(scene.project().id(), contributor, recorded);
        Clip second = clip(scene.project().id(), contributor, recorded.plusSeconds(1));
        Clip young = clip(scene.project().id(), contributor, recorded.plus(Duration.ofDays(10)));
        Clip erased = withState(clip(scene.project().id(), contributor, recorded), ClipState.ERASED);
        write(r -> List.of(young, second, erased, first).forEach(r.clips()::insert));
        Instant now = recorded.plus(scene.project().retention()).plusSeconds(1);

        assertThat(expiredAmong(now, List.of(first, second, young, erased))).containsExactly(first.id(), second.id());
        assertThat(expiredAmong(now.minusMillis(1), List.of(first, second))).containsExactly(first.id());

        write(r -> r.clips().erase(first.id()));
        assertThat(expiredAmong(now, List.of(first, second))).containsExactly(second.id());
    }

    @Test
    void expired_returnsAtMostTheLimit_longestExpiredFirst() {
        Scene scene = scene();
        Pseudonym contributor = scene.contributor().pseudonym();
        // Earlier than every other test's clips: these are the first due in the whole store.
        Instant recorded = Instant.parse("1990-01-01T00:00:00Z");
        Clip first = clip(scene.project().id(), contributor, recorded);
        Clip second = clip(scene.project().id(), contributor, recorded.plusMillis(1));
        Clip third = clip(scene.project().id(), contributor, recorded.plusMillis(2));
        write(r -> List.of(third, first, second).forEach(r.clips()::insert));

        assertThat(list(r -> r.clips().expired(recorded.plus(Duration.ofDays(5_000)), 2)))
                .containsExactly(first.id(), second.id());
    }

    @Test
    void accepted_listsTheProjectsAcceptedClips_oldestFirst_pageByPage() {
        Scene scene = scene();
        Pseudonym contributor = scene.contributor().pseudonym();
        Scene other = scene();
        Clip first = withState(clip(scene.project().id(), contributor, at(1)), ClipState.ACCEPTED);
        Clip second = withState(clip(scene.project().id(), contributor, at(2)), ClipState.ACCEPTED);
        Clip third = withState(clip(scene.project().id(), contributor, at(4)), ClipState.ACCEPTED);
        write(r -> {
            r.clips().insert(third);
            r.clips().insert(clip(scene.project().id(), contributor, at(3)));
            r.clips().insert(second);
            r.clips().insert(withState(clip(scene.project().id(), contributor, at(5)), ClipState.REJECTED));
            r.clips().insert(first);
            r.clips()
                    .insert(withState(
                            clip(other.project().id(), other.contributor().pseudonym(), at(1)), ClipState.ACCEPTED));
        });

        List<ClipId> page = tx(r -> r.clips().accepted(scene.project().id(), Optional.empty(), 2)).stream()
                .map(Clip::id)
                .toList();
        List<ClipId> rest = tx(r -> r.clips().accepted(scene.project().id(), Optional.of(page.getLast()), 2)).stream()
                .map(Clip::id)
                .toList();

        assertThat(page).containsExactly(first.id(), second.id());
        assertThat(rest).containsExactly(third.id());
    }

    @Test
    void countByState_countsTheProjectsClipsInEachState() {
        Scene scene = scene();
        Pseudonym contributor = scene.contributor().pseudonym();
        Scene other = scene();
        write(r -> {
            r.clips().insert(clip(scene.project().id(), contributor, at(1)));
            r.clips().insert(clip(scene.project().id(), contributor, at(2)));
            r.clips().insert(withState(clip(scene.project().id(), contributor, at(3)), ClipState.ACCEPTED));
            r.clips().insert(withState(clip(scene.project().id(), contributor, at(4)), ClipState.ERASED));
            r.clips().insert(clip(other.project().id(), other.contributor().pseudonym(), at(5)));
        });

        Map<ClipState, Long> counts =
                tx(r -> r.clips().countByState(scene.project().id()));
        ProjectId empty = scene().project().id();
        Map<ClipState, Long> none = tx(r -> r.clips().countByState(empty));

        assertThat(counts)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(ClipState.PENDING_REVIEW, 2L, ClipState.ACCEPTED, 1L, ClipState.ERASED, 1L));
        assertThat(none).isEmpty();
    }

    /** The ids of {@code clips} among the expired ones, in the order the repository returned them. */
    private List<ClipId> expiredAmong(Instant now, List<Clip> clips) {
        Set<ClipId> ids = clips.stream().map(Clip::id).collect(Collectors.toSet());
        return list(r -> r.clips().expired(now, 100_000)).stream()
                .filter(ids::contains)
                .toList();
    }

    @Test
    void uploadKey_isFoundForItsSenderOnly_untilItExpires() {
        Scene scene = scene();
        Clip clip = clip(scene.project().id(), scene.contributor().pseudonym(), at(1));
        String sender = "CONTRIBUTOR:" + scene.contributor().pseudonym().value();
        var key = new IdempotencyKey("take-" + clip.id().value());
        var upload = new KeyedUpload(RepositoryRecords.randomBytes(32), clip.id(), 3);
        write(r -> {
            r.clips().insert(clip);
            r.clips().recordUploadKey(sender, key, upload, at(1), at(1_000));
        });

        assertThat(find(r -> r.clips().uploadKey(sender, key, at(999)))).contains(upload);
        assertThat(find(r -> r.clips().uploadKey(sender, key, at(1_000)))).isEmpty();
        assertThat(find(r -> r.clips().uploadKey("OPERATOR:someone-else", key, at(2))))
                .isEmpty();
        assertThat(find(r -> r.clips().uploadKey(sender, new IdempotencyKey("other"), at(2))))
                .isEmpty();
    }

    @Test
    void recordUploadKey_whileLive_failsWithConflict_andReplacesAnExpiredOne() {
        String sender = "OPERATOR:" + ClipId.random().value();
        var key = new IdempotencyKey("a/b:c~key_!%");
        var first = new KeyedUpload(RepositoryRecords.randomBytes(32), ClipId.random(), 1);
        var second = new KeyedUpload(RepositoryRecords.randomBytes(32), ClipId.random(), 2);
        write(r -> r.clips().recordUploadKey(sender, key, first, at(1), at(100)));

        assertFailsWith(
                ErrorCode.CONFLICT, () -> write(r -> r.clips().recordUploadKey(sender, key, second, at(99), at(200))));
        write(r -> r.clips().recordUploadKey(sender, key, second, at(100), at(200)));

        assertThat(find(r -> r.clips().uploadKey(sender, key, at(150)))).contains(second);
    }

    @Test
    void forgetExpiredUploadKeys_deletesTheExpiredOnly() {
        String sender = "OPERATOR:" + ClipId.random().value();
        var expired = new IdempotencyKey("expired");
        var live = new IdempotencyKey("live");
        var upload = new KeyedUpload(RepositoryRecords.randomBytes(32), ClipId.random(), 1);
        write(r -> {
            r.clips().recordUploadKey(sender, expired, upload, at(1), at(50));
            r.clips().recordUploadKey(sender, live, upload, at(1), Instant.parse("9999-01-01T00:00:00Z"));
        });

        int forgotten = tx(r -> r.clips().forgetExpiredUploadKeys(at(50)));
        assertThat(forgotten).isPositive();

        // Gone from the table, not merely hidden by the lookup's time.
        assertThat(find(r -> r.clips().uploadKey(sender, expired, at(0)))).isEmpty();
        assertThat(find(r -> r.clips().uploadKey(sender, live, at(60)))).contains(upload);
    }

    @Test
    void liveWithAudio_findsTheContributorsOldestLiveClipOfThatAudio_notErasedOnesNorOthers() {
        Scene scene = scene();
        Pseudonym contributor = scene.contributor().pseudonym();
        Clip erased = clip(scene.project().id(), contributor, at(1));
        Clip older = withAudio(clip(scene.project().id(), contributor, at(2)), erased.sha256());
        Clip newer = withAudio(clip(scene.project().id(), contributor, at(3)), erased.sha256());
        Clip someoneElses = withAudio(clip(scene.project().id(), newContributor(), at(0)), erased.sha256());
        write(r -> List.of(erased, older, newer, someoneElses).forEach(r.clips()::insert));
        write(r -> r.clips().erase(erased.id()));

        assertThat(find(r -> r.clips().liveWithAudio(contributor, erased.sha256())))
                .contains(older.id());
        write(r -> r.clips().erase(contributor, Integer.MAX_VALUE));
        assertThat(find(r -> r.clips().liveWithAudio(contributor, erased.sha256())))
                .isEmpty();
        assertThat(find(r -> r.clips().liveWithAudio(contributor, RepositoryRecords.randomBytes(32))))
                .isEmpty();
    }

    private static Clip withAudio(Clip clip, dev.custody.Bytes sha256) {
        return new Clip(
                clip.id(),
                clip.project(),
                clip.contributor(),
                clip.promptIndex(),
                clip.audio(),
                clip.originalBytes(),
                sha256,
                clip.quality(),
                clip.state(),
                clip.blob(),
                clip.keyHeader(),
                clip.createdAt());
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
