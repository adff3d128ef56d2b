package dev.custody.app;

import static dev.custody.app.ReviewFixture.PAY;
import static dev.custody.app.ReviewFixture.accountOf;
import static dev.custody.app.SpineFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Services;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.clip.ClipId;
import dev.custody.clip.ClipState;
import dev.custody.ledger.Action;
import dev.custody.ledger.ClipReviewed;
import dev.custody.ledger.LedgerEntry;
import dev.custody.ledger.PayoutCredited;
import dev.custody.ledger.PermissionChange;
import dev.custody.ledger.PermissionChanged;
import dev.custody.ledger.ReviewVerdict;
import dev.custody.payout.CreditState;
import dev.custody.payout.PayoutCredit;
import dev.custody.review.RejectionReason;
import dev.custody.review.Review;
import dev.custody.review.ReviewItem;
import dev.custody.review.Verdict;
import dev.custody.store.MetadataStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reviewer assignments, the queue, listening and verdicts, on the embedded installation. */
class ReviewServiceIT {
    @TempDir
    Path temp;

    ReviewFixture fixture;
    Services services;

    @BeforeEach
    void open() {
        fixture = new ReviewFixture(temp.resolve("data"));
        services = fixture.spine.services;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aClip_isAcceptedWhenReviewCountDistinctReviewersAccept_andCreditsItsContributorOnce() {
        Principal first = fixture.reviewer(true);
        Principal second = fixture.reviewer(true);
        ClipId clip = fixture.clip();
        fixture.listen(first, clip);
        fixture.listen(second, clip);
        long before = fixture.ledgerSize();

        var halfway = services.reviews().judge(first, clip, Verdict.accept());
        assertThat(halfway.state()).isEqualTo(ClipState.PENDING_REVIEW);
        assertThat(credit(clip)).isEmpty();
        var done = services.reviews().judge(second, clip, Verdict.accept());

        assertThat(done.state()).isEqualTo(ClipState.ACCEPTED);
        assertThat(done.acceptances()).isEqualTo(2);
        assertThat(done.required()).isEqualTo(2);
        assertThat(clipState(clip)).isEqualTo(ClipState.ACCEPTED);
        PayoutCredit credit = credit(clip).orElseThrow();
        assertThat(credit.amount()).isEqualTo(PAY);
        assertThat(credit.contributor()).isEqualTo(fixture.contributor);
        assertThat(credit.state()).isEqualTo(CreditState.PENDING);
        List<LedgerEntry> logged = fixture.entriesSince(before);
        assertThat(logged)
                .extracting(LedgerEntry::action)
                .containsExactly(Action.CLIP_REVIEWED, Action.CLIP_REVIEWED, Action.PAYOUT_CREDITED);
        assertThat(logged.get(1).records(new ClipReviewed(clip, fixture.project.id(), ReviewVerdict.ACCEPTED)))
                .isTrue();
        assertThat(logged.get(2).records(new PayoutCredited(clip, fixture.contributor, fixture.project.id(), PAY)))
                .isTrue();
        assertThat(logged).allSatisfy(entry -> assertThat(entry.purpose()).isIn("review", "payout"));
    }

    @Test
    void oneRejection_rejectsTheClipAtOnce_creditsNothing_andKeepsTheReasonAndNote() {
        Principal first = fixture.reviewer(true);
        Principal second = fixture.reviewer(true);
        ClipId clip = fixture.clip();
        fixture.listen(first, clip);
        fixture.listen(second, clip);
        services.reviews().judge(first, clip, Verdict.accept());

        var outcome = services.reviews()
                .judge(
                        second,
                        clip,
                        Verdict.reject(RejectionReason.WRONG_PROMPT).withNote("reads prompt 0"));

        assertThat(outcome.state()).isEqualTo(ClipState.REJECTED);
        assertThat(clipState(clip)).isEqualTo(ClipState.REJECTED);
        assertThat(credit(clip)).isEmpty();
        var stored = reviewsOf(clip);
        // Both verdicts may carry the same millisecond, so their stored order is not asserted.
        assertThat(stored)
                .extracting(review -> review.verdict().reason())
                .containsExactlyInAnyOrder(Optional.empty(), Optional.of(RejectionReason.WRONG_PROMPT));
        assertThat(stored)
                .filteredOn(review -> review.verdict().reason().isPresent())
                .singleElement()
                .satisfies(rejection -> assertThat(rejection.verdict().note()).contains("reads prompt 0"));
        Principal third = fixture.reviewer(true);
        fixture.listen(third, clip);
        assertCode(() -> services.reviews().judge(third, clip, Verdict.accept()), ErrorCode.CONFLICT);
    }

    @Test
    void aVerdict_withoutListeningFirst_isRefused_andChangesNothing() {
        Principal reviewer = fixture.reviewer(true);
        ClipId clip = fixture.clip();
        long before = fixture.ledgerSize();

        assertCode(() -> services.reviews().judge(reviewer, clip, Verdict.accept()), ErrorCode.CONFLICT);

        assertThat(fixture.ledgerSize()).isEqualTo(before);
        assertThat(reviewsOf(clip)).isEmpty();
    }

    @Test
    void judgingTheSameClipTwice_isRefused() {
        Principal reviewer = fixture.reviewer(true);
        ClipId clip = fixture.clip();
        fixture.listen(reviewer, clip);
        services.reviews().judge(reviewer, clip, Verdict.accept());
        long before = fixture.ledgerSize();

        assertCode(() -> services.reviews().judge(reviewer, clip, Verdict.accept()), ErrorCode.CONFLICT);
        assertCode(
                () -> services.reviews().judge(reviewer, clip, Verdict.reject(RejectionReason.NOISE)),
                ErrorCode.CONFLICT);

        assertThat(fixture.ledgerSize()).isEqualTo(before);
        assertThat(clipState(clip)).isEqualTo(ClipState.PENDING_REVIEW);
    }

    @Test
    void anErasedClip_cannotBeReviewed_andErasureForgetsTheNotesOnIt() {
        Principal reviewer = fixture.reviewer(true);
        Principal other = fixture.reviewer(true);
        ClipId clip = fixture.clip();
        fixture.listen(reviewer, clip);
        fixture.listen(other, clip);
        services.reviews().judge(other, clip, Verdict.accept().withNote("clear, a little fast"));
        services.erasure().erase(ADMIN, fixture.contributor);

        assertCode(() -> services.reviews().judge(reviewer, clip, Verdict.accept()), ErrorCode.ERASED);
        assertCode(() -> fixture.listen(reviewer, clip), ErrorCode.ERASED);
        assertThat(reviewsOf(clip))
                .singleElement()
                .satisfies(review -> assertThat(review.verdict().note()).isEmpty());
    }

    @Test
    void anUnassignedReviewer_opensNothing_changesNothing_andTheDenialIsLogged() {
        Principal outsider = fixture.reviewer(false);
        ClipId clip = fixture.clip();
        long before = fixture.ledgerSize();

        assertCode(() -> fixture.listen(outsider, clip), ErrorCode.FORBIDDEN);

        List<LedgerEntry> logged = fixture.entriesSince(before);
        assertThat(logged).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(Action.PERMISSION_CHANGED);
            assertThat(entry.actor()).isEqualTo(outsider.actor());
            assertThat(entry.records(new PermissionChanged(
                            outsider.id(),
                            outsider.role().actorRole(),
                            PermissionChange.DENIED,
                            "custodian:open-clip")))
                    .isTrue();
        });
        boolean listened = metadata().inTransaction(r -> r.reviews().listened(clip, accountOf(outsider)));
        assertThat(listened).isFalse();
        assertCode(() -> services.reviews().judge(outsider, clip, Verdict.accept()), ErrorCode.FORBIDDEN);
        assertCode(() -> services.reviews().queue(outsider, fixture.project.id(), 10), ErrorCode.FORBIDDEN);
        assertThat(clipState(clip)).isEqualTo(ClipState.PENDING_REVIEW);
    }

    @Test
    void aReviewer_opensClipsForReviewOnly() {
        Principal reviewer = fixture.reviewer(true);
        ClipId clip = fixture.clip();
        long before = fixture.ledgerSize();

        assertCode(() -> services.custodian().open(reviewer, clip, "asr-training"), ErrorCode.PURPOSE_NOT_CONSENTED);

        assertThat(fixture.entriesSince(before))
                .extracting(LedgerEntry::action)
                .containsExactly(Action.REQUEST_REFUSED);
        assertThat(services.custodian().open(reviewer, clip, "review").bytes()).isNotEmpty();
    }

    @Test
    void theQueue_showsQualityFiguresAndThePrompt_neverTheContributor_andDropsWhatTheReviewerJudged() {
        Principal reviewer = fixture.reviewer(true);
        ClipId first = fixture.clip();
        ClipId second = fixture.clip();

        List<ReviewItem> queue = services.reviews().queue(reviewer, fixture.project.id(), 10);

        assertThat(queue).extracting(ReviewItem::clip).containsExactly(first, second);
        ReviewItem item = queue.getFirst();
        assertThat(item.prompt()).isEqualTo("Good morning.");
        assertThat(item.quality().rmsDbfs()).isBetween(-45.0, 0.0);
        assertThat(item.audio().duration().toMillis()).isEqualTo(2_000);
        assertThat(item.toString()).doesNotContain(fixture.contributor.value());
        fixture.listen(reviewer, first);
        services.reviews().judge(reviewer, first, Verdict.accept());
        assertThat(services.reviews().queue(reviewer, fixture.project.id(), 10))
                .extracting(ReviewItem::clip)
                .containsExactly(second);
        assertCode(() -> services.reviews().queue(reviewer, fixture.project.id(), 0), ErrorCode.INVALID_INPUT);
        assertCode(() -> services.reviews().queue(reviewer, fixture.project.id(), 101), ErrorCode.INVALID_INPUT);
    }

    @Test
    void assignments_takeEnabledReviewersOnly_areLogged_andEndWithUnassign() {
        Principal reviewer = fixture.reviewer(false);
        var auditor = services.accounts()
                .create(
                        ADMIN,
                        new dev.custody.access.NewAccount(
                                new dev.custody.access.Username("auditor-1"),
                                "violet kettle under the stairs",
                                Role.AUDITOR,
                                Optional.empty()))
                .account();
        long before = fixture.ledgerSize();

        assertThat(services.reviewers().assign(ADMIN, fixture.project.id(), accountOf(reviewer)))
                .isTrue();
        assertThat(services.reviewers().assign(ADMIN, fixture.project.id(), accountOf(reviewer)))
                .isFalse();
        assertThat(services.reviewers().assignedProjects(reviewer)).containsExactly(fixture.project.id());
        services.reviewers().unassign(ADMIN, fixture.project.id(), accountOf(reviewer));

        assertThat(fixture.entriesSince(before))
                .satisfiesExactly(
                        granted -> assertThat(granted.records(new PermissionChanged(
                                        reviewer.id(),
                                        reviewer.role().actorRole(),
                                        PermissionChange.GRANTED,
                                        fixture.project.id().value())))
                                .isTrue(),
                        revoked -> assertThat(revoked.records(new PermissionChanged(
                                        reviewer.id(),
                                        reviewer.role().actorRole(),
                                        PermissionChange.REVOKED,
                                        fixture.project.id().value())))
                                .isTrue());
        assertThat(services.reviewers().reviewers(ADMIN, fixture.project.id())).isEmpty();
        assertCode(
                () -> services.reviewers().assign(ADMIN, fixture.project.id(), auditor.id()), ErrorCode.INVALID_INPUT);
        assertCode(
                () -> services.reviewers().unassign(ADMIN, fixture.project.id(), accountOf(reviewer)),
                ErrorCode.NOT_FOUND);
        assertCode(
                () -> services.reviewers().assign(reviewer, fixture.project.id(), accountOf(reviewer)),
                ErrorCode.FORBIDDEN);
    }

    @Test
    void progress_countsClipsPerState_forTheOwningOrganizationOnly() {
        Principal reviewer = fixture.reviewer(true);
        ClipId rejected = fixture.clip();
        fixture.clip();
        fixture.listen(reviewer, rejected);
        services.reviews().judge(reviewer, rejected, Verdict.reject(RejectionReason.SILENCE));

        var progress = services.reviews().progress(ADMIN, fixture.project.id());

        assertThat(progress.pendingReview()).isEqualTo(1);
        assertThat(progress.rejected()).isEqualTo(1);
        assertThat(progress.accepted()).isZero();
        assertThat(progress.reviewCount()).isEqualTo(2);
        var otherOrganization =
                services.projects().createOrganization(ADMIN, "Globex").id();
        var outsider =
                Principal.of("acc_aaaaaaaaaaaaaaaaaaaaaaaaaa", Role.CLIENT_ADMIN, Optional.of(otherOrganization));
        assertCode(() -> services.reviews().progress(outsider, fixture.project.id()), ErrorCode.FORBIDDEN);
    }

    private List<Review> reviewsOf(ClipId clip) {
        return metadata().inTransaction(r -> r.reviews().ofClip(clip));
    }

    private Optional<PayoutCredit> credit(ClipId clip) {
        return metadata().inTransaction(r -> r.payouts().creditFor(clip));
    }

    private ClipState clipState(ClipId clip) {
        return metadata().inTransaction(r -> r.clips().find(clip)).orElseThrow().state();
    }

    private MetadataStore metadata() {
        return fixture.spine.installation.custody().metadataStore();
    }

    private static void assertCode(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
