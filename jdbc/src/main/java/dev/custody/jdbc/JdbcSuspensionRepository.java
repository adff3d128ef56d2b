package dev.custody.jdbc;

import dev.custody.clip.ClipId;
import dev.custody.egress.Suspension;
import dev.custody.ledger.SuspensionCause;
import dev.custody.store.SuspensionRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbcSuspensionRepository implements SuspensionRepository {
    private static final String COLUMNS = "id, principal_id, cause, suspended_at, lifted_at, lifted_by";

    private final Handle handle;

    JdbcSuspensionRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void insert(Suspension suspension) {
        try {
            handle.createUpdate("INSERT INTO suspensions (" + COLUMNS + ") VALUES (:id, :principal, :cause,"
                            + " :suspendedAt, :liftedAt, :liftedBy)")
                    .bind("id", suspension.id())
                    .bind("principal", suspension.principalId())
                    .bind("cause", suspension.cause().name())
                    .bind("suspendedAt", suspension.suspendedAt().toEpochMilli())
                    .bind(
                            "liftedAt",
                            suspension.liftedAt().map(Instant::toEpochMilli).orElse(null))
                    .bind("liftedBy", suspension.liftedBy().orElse(null))
                    .execute();
        } catch (JdbiException e) {
            throw JdbcErrors.onInsert(e, "suspension " + suspension.id());
        }
    }

    @Override
    public List<Suspension> all() {
        return handle.createQuery("SELECT " + COLUMNS + " FROM suspensions ORDER BY suspended_at DESC, id DESC")
                .map(JdbcSuspensionRepository::map)
                .list();
    }

    @Override
    public Optional<Suspension> inForce(String principalId) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM suspensions WHERE principal_id = :principal"
                        + " AND lifted_at IS NULL ORDER BY suspended_at DESC LIMIT 1")
                .bind("principal", principalId)
                .map(JdbcSuspensionRepository::map)
                .findOne();
    }

    @Override
    public boolean lift(String principalId, String liftedBy, Instant at) {
        return handle.createUpdate("UPDATE suspensions SET lifted_at = :at, lifted_by = :by"
                                + " WHERE principal_id = :principal AND lifted_at IS NULL")
                        .bind("at", at.toEpochMilli())
                        .bind("by", liftedBy)
                        .bind("principal", principalId)
                        .execute()
                > 0;
    }

    @Override
    public void markCanary(ClipId clip) {
        try {
            handle.createUpdate("INSERT INTO canary_clips (clip_id) VALUES (:clip)")
                    .bind("clip", clip.value())
                    .execute();
        } catch (JdbiException e) {
            throw JdbcErrors.onInsert(e, "canary " + clip);
        }
    }

    @Override
    public boolean isCanary(ClipId clip) {
        return handle.createQuery("SELECT COUNT(*) FROM canary_clips WHERE clip_id = :clip")
                        .bind("clip", clip.value())
                        .mapTo(Long.class)
                        .one()
                > 0;
    }

    private static Suspension map(ResultSet rs, StatementContext ctx) throws SQLException {
        long lifted = rs.getLong("lifted_at");
        boolean isLifted = !rs.wasNull();
        return new Suspension(
                rs.getString("id"),
                rs.getString("principal_id"),
                SuspensionCause.valueOf(rs.getString("cause")),
                Instant.ofEpochMilli(rs.getLong("suspended_at")),
                isLifted ? Optional.of(Instant.ofEpochMilli(lifted)) : Optional.empty(),
                Optional.ofNullable(rs.getString("lifted_by")));
    }
}
