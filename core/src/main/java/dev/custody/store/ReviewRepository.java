package dev.custody.store;

import dev.custody.access.AccountId;
import dev.custody.clip.Clip;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import dev.custody.review.Review;
import java.time.Instant;
import java.util.List;

/**
 * Who reviews which project, which clips each reviewer has listened to, and their verdicts. A
 * reviewer judges a clip at most once: a second verdict fails {@code CONFLICT}.
 */
public interface ReviewRepository {
    /** Assigns the reviewer to the project; false if already assigned. */
    boolean assign(ProjectId project, AccountId reviewer, Instant at);

    /** Ends the assignment; false if there was none. */
    boolean unassign(ProjectId project, AccountId reviewer);

    boolean isAssigned(ProjectId project, AccountId reviewer);

    /** The projects the reviewer is assigned to, in project id order. */
    List<ProjectId> projectsOf(AccountId reviewer);

    /** The project's reviewers, in account id order. */
    List<AccountId> reviewers(ProjectId project);

    /** Records that the reviewer heard the clip; hearing it again keeps the first time. */
    void recordListen(ClipId clip, AccountId reviewer, Instant at);

    boolean listened(ClipId clip, AccountId reviewer);

    /** Stores a verdict; fails CONFLICT if this reviewer already judged this clip. */
    void insert(Review review);

    /** The clip's verdicts, oldest first. */
    List<Review> ofClip(ClipId clip);

    /**
     * Up to {@code limit} of the project's clips awaiting review that this reviewer has not judged,
     * oldest first.
     */
    List<Clip> queue(ProjectId project, AccountId reviewer, int limit);

    /**
     * Deletes the free-text notes of every verdict on the contributor's clips, which may describe
     * their voice; returns how many. The verdicts and their reasons stay.
     */
    int forgetNotes(Pseudonym contributor);

    /** Deletes the free-text notes of every verdict on one clip; returns how many. */
    int forgetNotes(ClipId clip);
}
