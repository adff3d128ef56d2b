package dev.custody.testkit;

import static dev.custody.testkit.RepositoryRecords.T0;
import static dev.custody.testkit.RepositoryRecords.at;
import static dev.custody.testkit.RepositoryRecords.clip;
import static dev.custody.testkit.RepositoryRecords.withState;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.ErrorCode;
import dev.custody.access.Account;
import dev.custody.access.AccountId;
import dev.custody.access.Role;
import dev.custody.access.Username;
import dev.custody.clip.Clip;
import dev.custody.clip.ClipId;
import dev.custody.clip.ClipState;
import dev.custody.project.ProjectId;
import dev.custody.review.RejectionReason;
import dev.custody.review.Review;
import dev.custody.review.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.custody.store.ReviewRepository}. Run through {@link RepositoryContract}. */
public abstract class ReviewRepositoryContract extends RepositoryContractSupport {
    @Test
    void assign_isFoundBothWays_once_andUnassignEndsIt() {
        Scene scene = scene();
        ProjectId project = scene.project().id();
        AccountId reviewer = reviewer();
        AccountId other = reviewer();

        assertThat(check(r -> r.reviews().assign(project, reviewer, at(1)))).isTrue();
        assertThat(check(r -> r.reviews().assign(project, reviewer, at(2)))).isFalse();
        write(r -> r.reviews().assign(project, other, at(3)));

        assertThat(check(r -> r.reviews().isAssigned(project, reviewer))).isTrue();
        assertThat(list(r -> r.reviews().reviewers(project)))
                .containsExactlyElementsOf(List.of(reviewer, other).stream()
                        .sorted(java.util.Comparator.comparing(AccountId::value))
                        .toList());
        assertThat(list(r -> r.reviews().projectsOf(reviewer))).containsExactly(project);
        assertThat(check(r -> r.reviews().unassign(project, reviewer))).isTrue();
        assertThat(check(r -> r.reviews().unassign(project, reviewer))).isFalse();
        assertThat(check(r -> r.reviews().isAssigned(project, reviewer))).isFalse();
        assertThat(list(r -> r.reviews().projectsOf(reviewer))).isEmpty();
        assertThat(check(r -> r.reviews().isAssigned(ProjectId.random(), other)))
                .isFalse();
    }

    @Test
    void assign_toAnUnknownProjectOrAccount_failsWithNotFound() {
        Scene scene = scene();
        AccountId reviewer = reviewer();

        assertFailsWith(ErrorCode.NOT_FOUND, () -> write(r -> r.reviews().assign(ProjectId.random(), reviewer, T0)));
        assertFailsWith(
                ErrorCode.NOT_FOUND,
                () -> write(r -> r.reviews().assign(scene.project().id(), AccountId.random(), T0)));
    }

    @Test
    void listen_isRecordedOncePerReviewerAndClip() {
        Clip clip = storedClip(scene(), 1);
        AccountId reviewer = reviewer();

        assertThat(check(r -> r.reviews().listened(clip.id(), reviewer))).isFalse();
        write(r -> r.reviews().recordListen(clip.id(), reviewer, at(5)));
        write(r -> r.reviews().recordListen(clip.id(), reviewer, at(6)));

        assertThat(check(r -> r.reviews().listened(clip.id(), reviewer))).isTrue();
        AccountId other = reviewer();
        assertThat(check(r -> r.reviews().listened(clip.id(), other))).isFalse();
    }

    @Test
    void verdicts_roundTripEveryField_oldestFirst_awkwardNotesIncluded() {
        Clip clip = storedClip(scene(), 1);
        var accepted = new Review(clip.id(), reviewer(), Verdict.accept(), at(10));
        var rejected = new Review(
                clip.id(),
                reviewer(),
                Verdict.reject(RejectionReason.WRONG_PROMPT).withNote(awkward().get(2)),
                at(20));
        write(r -> r.reviews().insert(rejected));
        write(r -> r.reviews().insert(accepted));

        assertThat(list(r -> r.reviews().ofClip(clip.id()))).containsExactly(accepted, rejected);
        assertThat(list(r -> r.reviews().ofClip(ClipId.random()))).isEmpty();
    }

    @Test
    void aSecondVerdictOfTheSameReviewer_conflicts() {
        Clip clip = storedClip(scene(), 1);
        AccountId reviewer = reviewer();
        write(r -> r.reviews().insert(new Review(clip.id(), reviewer, Verdict.accept(), at(1))));

        assertFailsWith(
                ErrorCode.CONFLICT,
                () -> write(r -> r.reviews()
                        .insert(new Review(clip.id(), reviewer, Verdict.reject(RejectionReason.NOISE), at(2)))));
        assertThat(list(r -> r.reviews().ofClip(clip.id()))).hasSize(1);
    }

    @Test
    void queue_holdsTheProjectsPendingClipsThisReviewerHasNotJudged_oldestFirst() {
        Scene scene = scene();
        AccountId reviewer = reviewer();
        Clip newest = storedClip(scene, 40);
        Clip oldest = storedClip(scene, 10);
        Clip judgedByAnother = storedClip(scene, 20);
        Clip judgedByThisReviewer = storedClip(scene, 30);
        Clip accepted =
                withState(clip(scene.project().id(), scene.contributor().pseudonym(), at(5)), ClipState.ACCEPTED);
        Clip erased = withState(clip(scene.project().id(), scene.contributor().pseudonym(), at(6)), ClipState.ERASED);
        Clip elsewhere = storedClip(scene(), 1);
        AccountId another = reviewer();
        write(r -> {
            r.clips().insert(accepted);
            r.clips().insert(erased);
            r.reviews().insert(new Review(judgedByAnother.id(), another, Verdict.accept(), at(50)));
            r.reviews().insert(new Review(judgedByThisReviewer.id(), reviewer, Verdict.accept(), at(51)));
        });

        assertThat(list(r -> r.reviews().queue(scene.project().id(), reviewer, 10)))
                .containsExactly(oldest, judgedByAnother, newest);
        assertThat(list(r -> r.reviews().queue(scene.project().id(), reviewer, 2)))
                .containsExactly(oldest, judgedByAnother);
        assertThat(list(r -> r.reviews().queue(elsewhere.project(), reviewer, 10)))
                .containsExactly(elsewhere);
    }

    @Test
    void forgetNotes_clearsTheNotesOnTheContributorsClips_andKeepsTheVerdicts() {
        Scene scene = scene();
        Clip theirs = storedClip(scene, 1);
        Clip someoneElses = clip(scene.project().id(), newContributor(), at(2));
        write(r -> r.clips().insert(someoneElses));
        var noted = new Review(
                theirs.id(), reviewer(), Verdict.reject(RejectionReason.NOISE).withNote("hiss"), at(3));
        var kept = new Review(someoneElses.id(), reviewer(), Verdict.accept().withNote("clear"), at(4));
        write(r -> {
            r.reviews().insert(noted);
            r.reviews().insert(kept);
        });

        int forgotten = tx(r -> r.reviews().forgetNotes(scene.contributor().pseudonym()));

        assertThat(forgotten).isEqualTo(1);

        assertThat(list(r -> r.reviews().ofClip(theirs.id())))
                .containsExactly(new Review(
                        theirs.id(), noted.reviewer(), Verdict.reject(RejectionReason.NOISE), noted.reviewedAt()));
        assertThat(list(r -> r.reviews().ofClip(someoneElses.id()))).containsExactly(kept);
    }

    @Test
    void forgetNotesOfOneClip_clearsOnlyThatClipsNotes() {
        Scene scene = scene();
        Clip erased = storedClip(scene, 1);
        Clip kept = storedClip(scene, 2);
        var noted = new Review(erased.id(), reviewer(), Verdict.accept().withNote("warm voice"), at(3));
        var other = new Review(kept.id(), reviewer(), Verdict.accept().withNote("clear"), at(4));
        write(r -> {
            r.reviews().insert(noted);
            r.reviews().insert(other);
        });

        int forgotten = tx(r -> r.reviews().forgetNotes(erased.id()));

        assertThat(forgotten).isEqualTo(1);
        assertThat(list(r -> r.reviews().ofClip(erased.id())))
                .containsExactly(new Review(erased.id(), noted.reviewer(), Verdict.accept(), noted.reviewedAt()));
        assertThat(list(r -> r.reviews().ofClip(kept.id()))).containsExactly(other);
    }

    private Clip storedClip(Scene scene, long millis) {
        Clip clip = clip(scene.project().id(), scene.contributor().pseudonym(), at(millis));
        write(r -> r.clips().insert(clip));
        return clip;
    }

    /** A stored reviewer account. */
    protected AccountId reviewer() {
        AccountId id = AccountId.random();
        var account = Account.create(
                id,
                new Username("reviewer-" + id.value().substring(4).toLowerCase(Locale.ROOT)),
                Role.REVIEWER,
                Optional.empty(),
                AccountRepositoryContract.HASH,
                Optional.empty(),
                T0);
        write(r -> r.accounts().insert(account));
        return id;
    }
}
