package dev.custody.review;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.access.AccountId;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.clip.Clip;
import dev.custody.clip.ClipId;
import dev.custody.clip.ClipState;
import dev.custody.clip.Custodian;
import dev.custody.ledger.ClipReviewed;
import dev.custody.ledger.ReviewVerdict;
import dev.custody.payout.PayoutService;
import dev.custody.project.Commission;
import dev.custody.project.OrganizationId;
import dev.custody.project.ProjectId;
import dev.custody.store.MetadataStore;
import dev.custody.store.Repositories;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Human review. An assigned reviewer sees the project's clips awaiting their verdict (with quality
 * figures, never the contributor), listens through the custodian, then accepts or rejects.
 *
 * <p>The rule: each reviewer judges a clip once, and only after listening to it (the custodian
 * records the listen). One rejection rejects the clip at once; it is accepted when the project's
 * {@code reviewCount} distinct reviewers have accepted it, counting every verdict given while its
 * reviewer was assigned. A decided or erased clip takes no more verdicts. Each verdict is logged
 * ({@code ClipReviewed}) in the transaction that stores it and moves the clip; an acceptance
 * credits the contributor's payout ledger in that same transaction. Verdicts on one clip are
 * applied one at a time, so concurrent acceptances are all counted and credit once.
 *
 * <p>Throws {@code FORBIDDEN} (role, or not assigned), {@code NOT_FOUND}, {@code ERASED}, {@code
 * CONFLICT} (already decided, already judged by this reviewer, not listened to) and {@code
 * INVALID_INPUT}.
 */
public final class ReviewService {
    public static final String PURPOSE = Custodian.REVIEW_PURPOSE;
    public static final int MAX_QUEUE = 100;

    private static final Set<Role> REVIEWERS = Set.of(Role.REVIEWER);
    private static final Set<Role> MAY_SEE_PROGRESS = Set.of(Role.CLIENT_ADMIN, Role.OPERATOR, Role.BOOTSTRAP_ADMIN);

    private final MetadataStore metadata;
    private final Clock clock;

    public ReviewService(MetadataStore metadata, Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Up to {@code limit} (1 to {@value #MAX_QUEUE}) clips awaiting this reviewer's verdict, oldest first. */
    public List<ReviewItem> queue(Principal caller, ProjectId projectId, int limit) {
        caller.require(REVIEWERS, "review clips");
        if (limit < 1 || limit > MAX_QUEUE) {
            throw CustodyException.invalidInput("limit must be between 1 and " + MAX_QUEUE);
        }
        AccountId reviewer = new AccountId(caller.id());
        return metadata.inReadTransaction(repositories -> {
            requireAssigned(repositories, projectId, reviewer);
            List<Clip> clips = repositories.reviews().queue(projectId, reviewer, limit);
            Map<Integer, String> prompts = repositories
                    .projects()
                    .prompts(projectId, clips.stream().map(Clip::promptIndex).collect(Collectors.toSet()));
            return clips.stream()
                    .map(clip -> ReviewItem.of(clip, promptOf(clip, prompts)))
                    .toList();
        });
    }

    public ReviewOutcome judge(Principal caller, ClipId clipId, Verdict verdict) {
        caller.require(REVIEWERS, "review clips");
        requireNonNull(verdict, "verdict is null");
        AccountId reviewer = new AccountId(caller.id());
        Instant now = clock.instant();
        return metadata.inTransaction(repositories -> {
            Clip clip = repositories.clips().find(clipId).orElseThrow(() -> CustodyException.notFound("no such clip"));
            Commission commission = requireAssigned(repositories, clip.project(), reviewer);
            List<Review> earlier = requireJudgeable(repositories, clipId, reviewer);
            Review review = new Review(clipId, reviewer, verdict, now.truncatedTo(ChronoUnit.MILLIS));
            repositories.reviews().insert(review);
            repositories
                    .ledger()
                    .append(
                            new ClipReviewed(clipId, clip.project(), verdict.outcome()),
                            caller.actor(),
                            PURPOSE,
                            caller.requestId(),
                            now);
            List<Review> reviews = new ArrayList<>(earlier);
            reviews.add(review);
            return settle(repositories, clip, commission, reviews, caller, now);
        });
    }

    /** Clips per state in a project, for its organization's client-admins and for operators. */
    public ReviewProgress progress(Principal caller, ProjectId projectId) {
        caller.require(MAY_SEE_PROGRESS, "read review progress");
        return metadata.inReadTransaction(repositories -> {
            OrganizationId owner = repositories
                    .projects()
                    .owner(projectId)
                    .orElseThrow(() -> CustodyException.notFound("no such project"));
            caller.requireOwnOrganization(owner, "read review progress");
            Map<ClipState, Long> counts = repositories.clips().countByState(projectId);
            return new ReviewProgress(
                    projectId,
                    counts.getOrDefault(ClipState.PENDING_REVIEW, 0L),
                    counts.getOrDefault(ClipState.ACCEPTED, 0L),
                    counts.getOrDefault(ClipState.REJECTED, 0L),
                    counts.getOrDefault(ClipState.ERASED, 0L),
                    repositories
                            .projects()
                            .commission(projectId)
                            .orElseThrow(CustodyException::integrityFailure)
                            .reviewCount());
        });
    }

    /** A project's clips per day and per prompt, for the same readers as {@link #progress}. */
    public ClipCounts counts(Principal caller, ProjectId projectId) {
        caller.require(MAY_SEE_PROGRESS, "read review progress");
        return metadata.inReadTransaction(repositories -> {
            OrganizationId owner = repositories
                    .projects()
                    .owner(projectId)
                    .orElseThrow(() -> CustodyException.notFound("no such project"));
            caller.requireOwnOrganization(owner, "read review progress");
            return new ClipCounts(
                    projectId,
                    repositories.clips().countByDay(projectId),
                    repositories.clips().countByPrompt(projectId));
        });
    }

    /**
     * Fails unless the project exists and the reviewer is assigned to it; returns what it
     * commissions. Reads neither the project's prompts (it may have 100,000) nor more than it needs.
     */
    private static Commission requireAssigned(Repositories repositories, ProjectId projectId, AccountId reviewer) {
        Commission commission = repositories
                .projects()
                .commission(projectId)
                .orElseThrow(() -> CustodyException.notFound("no such project"));
        if (!repositories.reviews().isAssigned(projectId, reviewer)) {
            throw new CustodyException(ErrorCode.FORBIDDEN, "not assigned to review this project");
        }
        return commission;
    }

    private static String promptOf(Clip clip, Map<Integer, String> prompts) {
        String prompt = prompts.get(clip.promptIndex());
        if (prompt == null) {
            // Every stored clip was checked against its project's prompts at ingest.
            throw CustodyException.integrityFailure();
        }
        return prompt;
    }

    /**
     * Locks the clip for this verdict; fails unless it awaits review, was heard by this reviewer and
     * is not yet judged by them. Returns the clip's verdicts so far: none can be added while the
     * clip is locked.
     */
    private static List<Review> requireJudgeable(Repositories repositories, ClipId clip, AccountId reviewer) {
        if (!repositories.clips().lockForReview(clip)) {
            boolean erased = repositories
                    .clips()
                    .find(clip)
                    .map(found -> found.state() == ClipState.ERASED)
                    .orElse(true);
            throw erased
                    ? new CustodyException(ErrorCode.ERASED, "the clip was erased")
                    : new CustodyException(ErrorCode.CONFLICT, "the clip was already decided");
        }
        List<Review> reviews = repositories.reviews().ofClip(clip);
        if (reviews.stream().anyMatch(review -> review.reviewer().equals(reviewer))) {
            throw new CustodyException(ErrorCode.CONFLICT, "you already judged this clip");
        }
        if (!repositories.reviews().listened(clip, reviewer)) {
            throw new CustodyException(ErrorCode.CONFLICT, "listen to the clip before judging it");
        }
        return reviews;
    }

    private static ReviewOutcome settle(
            Repositories repositories,
            Clip clip,
            Commission commission,
            List<Review> reviews,
            Principal caller,
            Instant now) {
        int required = commission.reviewCount();
        int acceptances = (int) reviews.stream()
                .filter(review -> review.verdict().outcome() == ReviewVerdict.ACCEPTED)
                .count();
        boolean rejected = reviews.stream().anyMatch(review -> review.verdict().outcome() == ReviewVerdict.REJECTED);
        ClipState state =
                rejected ? ClipState.REJECTED : acceptances >= required ? ClipState.ACCEPTED : ClipState.PENDING_REVIEW;
        if (state != ClipState.PENDING_REVIEW && !repositories.clips().decide(clip.id(), state)) {
            throw new IllegalStateException("a clip locked for review could not be decided");
        }
        if (state == ClipState.ACCEPTED) {
            PayoutService.creditAcceptedClip(repositories, clip, commission, caller, now);
        }
        return new ReviewOutcome(clip.id(), state, acceptances, required);
    }
}
