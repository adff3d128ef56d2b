package dev.custody.jdbc;

import dev.custody.access.AccountId;
import dev.custody.clip.Clip;
import dev.custody.clip.ClipId;
import dev.custody.clip.ClipState;
import dev.custody.contributor.Pseudonym;
import dev.custody.ledger.ReviewVerdict;
import dev.custody.project.ProjectId;
import dev.custody.review.RejectionReason;
import dev.custody.review.Review;
import dev.custody.review.Verdict;
import dev.custody.store.ReviewRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

/** Assignments, listens and verdicts, one row each; the reason by its code, the note as given. */
final class JdbcReviewRepository implements ReviewRepository {
    private final Handle handle;

    JdbcReviewRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public boolean assign(ProjectId project, AccountId reviewer, Instant at) {
        try {
            int inserted = handle.createUpdate("INSERT INTO review_assignments (project_id, account_id, assigned_at)"
                            + " VALUES (:project, :account, :at)"
                            + " ON CONFLICT (project_id, account_id) DO NOTHING")
                    .bind("project", project.value())
                    .bind("account", reviewer.value())
                    .bind("at", at.toEpochMilli())
                    .execute();
            return inserted == 1;
        } catch (JdbiException e) {
            throw JdbcErrors.onInsert(e, "review assignment");
        }
    }

    @Override
    public boolean unassign(ProjectId project, AccountId reviewer) {
        return handle.createUpdate(
                                "DELETE FROM review_assignments WHERE project_id = :project AND account_id = :account")
                        .bind("project", project.value())
                        .bind("account", reviewer.value())
                        .execute()
                == 1;
    }

    @Override
    public boolean isAssigned(ProjectId project, AccountId reviewer) {
        return handle.createQuery("SELECT COUNT(*) FROM review_assignments"
                                + " WHERE project_id = :project AND account_id = :account")
                        .bind("project", project.value())
                        .bind("account", reviewer.value())
                        .mapTo(Long.class)
                        .one()
                > 0;
    }

    @Override
    public List<ProjectId> projectsOf(AccountId reviewer) {
        return handle.createQuery(
                        "SELECT project_id FROM review_assignments WHERE account_id = :account ORDER BY project_id")
                .bind("account", reviewer.value())
                .map((rs, ctx) -> new ProjectId(rs.getString("project_id")))
                .list();
    }

    @Override
    public List<AccountId> reviewers(ProjectId project) {
        return handle.createQuery(
                        "SELECT account_id FROM review_assignments WHERE project_id = :project ORDER BY account_id")
                .bind("project", project.value())
                .map((rs, ctx) -> new AccountId(rs.getString("account_id")))
                .list();
    }

    @Override
    public void recordListen(ClipId clip, AccountId reviewer, Instant at) {
        try {
            handle.createUpdate("INSERT INTO review_listens (clip_id, account_id, listened_at)"
                            + " VALUES (:clip, :account, :at) ON CONFLICT (clip_id, account_id) DO NOTHING")
                    .bind("clip", clip.value())
                    .bind("account", reviewer.value())
                    .bind("at", at.toEpochMilli())
                    .execute();
        } catch (JdbiException e) {
            throw JdbcErrors.onInsert(e, "listen");
        }
    }

    @Override
    public boolean listened(ClipId clip, AccountId reviewer) {
        return handle.createQuery("SELECT COUNT(*) FROM review_listens WHERE clip_id = :clip AND account_id = :account")
                        .bind("clip", clip.value())
                        .bind("account", reviewer.value())
                        .mapTo(Long.class)
                        .one()
                > 0;
    }

    @Override
    public void insert(Review review) {
        Verdict verdict = review.verdict();
        try {
            handle.createUpdate("INSERT INTO reviews (clip_id, account_id, verdict, reason, note, reviewed_at)"
                            + " VALUES (:clip, :account, :verdict, :reason, :note, :at)")
                    .bind("clip", review.clip().value())
                    .bind("account", review.reviewer().value())
                    .bind("verdict", verdict.outcome().name())
                    .bind("reason", verdict.reason().map(RejectionReason::code).orElse(null))
                    .bind("note", verdict.note().orElse(null))
                    .bind("at", review.reviewedAt().toEpochMilli())
                    .execute();
        } catch (JdbiException e) {
            throw JdbcErrors.onInsert(e, "verdict");
        }
    }

    @Override
    public List<Review> ofClip(ClipId clip) {
        return handle.createQuery("SELECT * FROM reviews WHERE clip_id = :clip ORDER BY reviewed_at, account_id")
                .bind("clip", clip.value())
                .map(JdbcReviewRepository::map)
                .list();
    }

    @Override
    public List<Clip> queue(ProjectId project, AccountId reviewer, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit is negative");
        }
        return handle.createQuery(JdbcClipRepository.SELECT
                        + " WHERE clips.project_id = :project AND clips.state = :pending"
                        + " AND contributors.state <> 'ERASED'"
                        + " AND NOT EXISTS (SELECT 1 FROM reviews WHERE reviews.clip_id = clips.id"
                        + " AND reviews.account_id = :account)"
                        // Canaries are never offered: only an attacker opens one.
                        + " AND NOT EXISTS (SELECT 1 FROM canary_clips WHERE canary_clips.clip_id = clips.id)"
                        + " ORDER BY clips.created_at, clips.id LIMIT :limit")
                .bind("project", project.value())
                .bind("pending", ClipState.PENDING_REVIEW.name())
                .bind("account", reviewer.value())
                .bind("limit", limit)
                .map(JdbcClipRepository::map)
                .list();
    }

    @Override
    public int forgetNotes(Pseudonym contributor) {
        return handle.createUpdate("UPDATE reviews SET note = NULL WHERE note IS NOT NULL"
                        + " AND clip_id IN (SELECT id FROM clips WHERE contributor = :contributor)")
                .bind("contributor", contributor.value())
                .execute();
    }

    @Override
    public int forgetNotes(ClipId clip) {
        return handle.createUpdate("UPDATE reviews SET note = NULL WHERE note IS NOT NULL AND clip_id = :clip")
                .bind("clip", clip.value())
                .execute();
    }

    private static Review map(ResultSet rs, StatementContext ctx) throws SQLException {
        var verdict = new Verdict(
                ReviewVerdict.valueOf(rs.getString("verdict")),
                Optional.ofNullable(rs.getString("reason")).map(RejectionReason::of),
                Optional.ofNullable(rs.getString("note")));
        return new Review(
                new ClipId(rs.getString("clip_id")),
                new AccountId(rs.getString("account_id")),
                verdict,
                Instant.ofEpochMilli(rs.getLong("reviewed_at")));
    }
}
