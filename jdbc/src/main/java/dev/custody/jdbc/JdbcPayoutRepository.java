package dev.custody.jdbc;

import dev.custody.Money;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.payout.BatchState;
import dev.custody.payout.CreditState;
import dev.custody.payout.PayoutBatch;
import dev.custody.payout.PayoutBatchId;
import dev.custody.payout.PayoutCredit;
import dev.custody.project.ProjectId;
import dev.custody.store.PayoutRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

/** Credits and batches; amounts as a BIGINT of minor units beside the currency code, never as REAL. */
final class JdbcPayoutRepository implements PayoutRepository {
    private final Handle handle;

    JdbcPayoutRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void credit(PayoutCredit credit) {
        try {
            handle.createUpdate("INSERT INTO payout_credits (clip_id, contributor, project_id, minor_units, currency,"
                            + " state, batch_id, credited_at) VALUES (:clip, :contributor, :project, :minorUnits,"
                            + " :currency, :state, :batch, :at)")
                    .bind("clip", credit.clip().value())
                    .bind("contributor", credit.contributor().value())
                    .bind("project", credit.project().value())
                    .bind("minorUnits", credit.amount().minorUnits())
                    .bind("currency", credit.amount().currency().getCurrencyCode())
                    .bind("state", credit.state().name())
                    .bind("batch", credit.batch().map(PayoutBatchId::value).orElse(null))
                    .bind("at", credit.creditedAt().toEpochMilli())
                    .execute();
        } catch (JdbiException e) {
            throw JdbcErrors.onInsert(e, "credit for clip " + credit.clip());
        }
    }

    @Override
    public Optional<PayoutCredit> creditFor(ClipId clip) {
        return handle.createQuery("SELECT * FROM payout_credits WHERE clip_id = :clip")
                .bind("clip", clip.value())
                .map(JdbcPayoutRepository::credit)
                .findOne();
    }

    @Override
    public List<PayoutCredit> creditsOf(Pseudonym contributor) {
        return handle.createQuery(
                        "SELECT * FROM payout_credits WHERE contributor = :contributor ORDER BY credited_at, clip_id")
                .bind("contributor", contributor.value())
                .map(JdbcPayoutRepository::credit)
                .list();
    }

    @Override
    public void insertBatch(PayoutBatch batch) {
        try {
            handle.createUpdate("INSERT INTO payout_batches (id, state, created_by, created_at, paid_at)"
                            + " VALUES (:id, :state, :createdBy, :createdAt, :paidAt)")
                    .bind("id", batch.id().value())
                    .bind("state", batch.state().name())
                    .bind("createdBy", batch.createdBy())
                    .bind("createdAt", batch.createdAt().toEpochMilli())
                    .bind("paidAt", batch.paidAt().map(Instant::toEpochMilli).orElse(null))
                    .execute();
        } catch (JdbiException e) {
            throw JdbcErrors.onInsert(e, "payout batch");
        }
    }

    @Override
    public Optional<PayoutBatch> findBatch(PayoutBatchId id) {
        return handle.createQuery("SELECT * FROM payout_batches WHERE id = :id")
                .bind("id", id.value())
                .map(JdbcPayoutRepository::batch)
                .findOne();
    }

    @Override
    public int gatherPending(PayoutBatchId batch) {
        // One statement: on PostgreSQL a concurrent gathering waits for this one's row locks, then
        // finds the rows taken and skips them, so no credit lands in two batches.
        return handle.createUpdate(
                        "UPDATE payout_credits SET batch_id = :batch" + " WHERE batch_id IS NULL AND state = :pending")
                .bind("batch", batch.value())
                .bind("pending", CreditState.PENDING.name())
                .execute();
    }

    @Override
    public List<PayoutCredit> creditsIn(PayoutBatchId batch) {
        return handle.createQuery("SELECT * FROM payout_credits WHERE batch_id = :batch ORDER BY contributor, clip_id")
                .bind("batch", batch.value())
                .map(JdbcPayoutRepository::credit)
                .list();
    }

    @Override
    public boolean markPaid(PayoutBatchId batch, Instant at) {
        int batches = handle.createUpdate(
                        "UPDATE payout_batches SET state = :paid, paid_at = :at WHERE id = :id AND state = :open")
                .bind("paid", BatchState.PAID.name())
                .bind("at", at.toEpochMilli())
                .bind("id", batch.value())
                .bind("open", BatchState.OPEN.name())
                .execute();
        if (batches == 0) {
            return false;
        }
        handle.createUpdate("UPDATE payout_credits SET state = :paid WHERE batch_id = :batch")
                .bind("paid", CreditState.PAID.name())
                .bind("batch", batch.value())
                .execute();
        return true;
    }

    private static PayoutCredit credit(ResultSet rs, StatementContext ctx) throws SQLException {
        return new PayoutCredit(
                new ClipId(rs.getString("clip_id")),
                new Pseudonym(rs.getString("contributor")),
                new ProjectId(rs.getString("project_id")),
                new Money(rs.getLong("minor_units"), Currency.getInstance(rs.getString("currency"))),
                CreditState.valueOf(rs.getString("state")),
                Optional.ofNullable(rs.getString("batch_id")).map(PayoutBatchId::new),
                Instant.ofEpochMilli(rs.getLong("credited_at")));
    }

    private static PayoutBatch batch(ResultSet rs, StatementContext ctx) throws SQLException {
        long paidAt = rs.getLong("paid_at");
        boolean paid = !rs.wasNull();
        return new PayoutBatch(
                new PayoutBatchId(rs.getString("id")),
                BatchState.valueOf(rs.getString("state")),
                rs.getString("created_by"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                paid ? Optional.of(Instant.ofEpochMilli(paidAt)) : Optional.empty());
    }
}
