package dev.custody.jdbc;

import dev.custody.Bytes;
import dev.custody.access.AccountId;
import dev.custody.clip.ClipId;
import dev.custody.grant.BuyerCommitments;
import dev.custody.grant.Grant;
import dev.custody.grant.GrantBudget;
import dev.custody.grant.GrantId;
import dev.custody.grant.GrantState;
import dev.custody.grant.Revocation;
import dev.custody.grant.RevocationReason;
import dev.custody.keys.KekId;
import dev.custody.keys.WrappedKey;
import dev.custody.project.OrganizationId;
import dev.custody.project.ProjectId;
import dev.custody.project.Purpose;
import dev.custody.store.GrantRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

/** Grants and their deliveries. Purposes are stored as their codes, comma-separated, in vocabulary order. */
final class JdbcGrantRepository implements GrantRepository {
    private static final String COLUMNS = "id, organization_id, project_id, consumer_id, purposes, expires_at,"
            + " bytes_per_hour, bytes_per_day, bytes_total, clips_per_hour, clips_per_day, clips_total,"
            + " delete_within_days, encryption_at_rest, no_reidentification, no_onward_transfer, state, created_at";

    private static final String REVOCATION_COLUMNS = "grant_id, seq, sample_key, reason, revoked_at, acknowledged_at";

    private final Handle handle;

    JdbcGrantRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void insert(Grant grant, WrappedKey sealedSecret) {
        GrantBudget budget = grant.budget();
        BuyerCommitments commitments = grant.commitments();
        try {
            handle.createUpdate("INSERT INTO grants (" + COLUMNS + ", secret_kek, secret) VALUES (:id, :organization,"
                            + " :project, :consumer, :purposes, :expiresAt, :bytesPerHour, :bytesPerDay, :bytesTotal,"
                            + " :clipsPerHour, :clipsPerDay, :clipsTotal, :deleteWithinDays, :encryptionAtRest,"
                            + " :noReidentification, :noOnwardTransfer, :state, :createdAt, :secretKek, :secret)")
                    .bind("id", grant.id().value())
                    .bind("organization", grant.organization().value())
                    .bind("project", grant.project().value())
                    .bind("consumer", grant.consumer().value())
                    .bind("purposes", codes(grant))
                    .bind("expiresAt", grant.expiresAt().toEpochMilli())
                    .bind("bytesPerHour", budget.bytesPerHour())
                    .bind("bytesPerDay", budget.bytesPerDay())
                    .bind("bytesTotal", budget.bytesTotal())
                    .bind("clipsPerHour", budget.clipsPerHour())
                    .bind("clipsPerDay", budget.clipsPerDay())
                    .bind("clipsTotal", budget.clipsTotal())
                    .bind("deleteWithinDays", commitments.deleteWithinDays())
                    .bind("encryptionAtRest", commitments.encryptionAtRest() ? 1 : 0)
                    .bind("noReidentification", commitments.noReidentification() ? 1 : 0)
                    .bind("noOnwardTransfer", commitments.noOnwardTransfer() ? 1 : 0)
                    .bind("state", grant.state().name())
                    .bind("createdAt", grant.createdAt().toEpochMilli())
                    .bind("secretKek", sealedSecret.kek().toString())
                    .bind("secret", sealedSecret.ciphertext().toArray())
                    .execute();
        } catch (JdbiException e) {
            throw JdbcErrors.onInsert(e, "grant " + grant.id());
        }
    }

    @Override
    public Optional<Grant> find(GrantId id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM grants WHERE id = :id")
                .bind("id", id.value())
                .map(JdbcGrantRepository::map)
                .findOne();
    }

    @Override
    public List<Grant> byOrganization(OrganizationId organization) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM grants WHERE organization_id = :organization"
                        + " ORDER BY created_at DESC, id DESC")
                .bind("organization", organization.value())
                .map(JdbcGrantRepository::map)
                .list();
    }

    @Override
    public List<Grant> byConsumer(AccountId consumer) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM grants WHERE consumer_id = :consumer"
                        + " ORDER BY created_at DESC, id DESC")
                .bind("consumer", consumer.value())
                .map(JdbcGrantRepository::map)
                .list();
    }

    @Override
    public boolean setState(GrantId id, GrantState state) {
        return handle.createUpdate("UPDATE grants SET state = :state WHERE id = :id")
                        .bind("state", state.name())
                        .bind("id", id.value())
                        .execute()
                == 1;
    }

    @Override
    public Optional<WrappedKey> sealedSecret(GrantId id) {
        return handle.createQuery("SELECT secret_kek, secret FROM grants WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) ->
                        new WrappedKey(KekId.parse(rs.getString("secret_kek")), Bytes.copyOf(rs.getBytes("secret"))))
                .findOne();
    }

    @Override
    public void recordDelivery(GrantId grant, ClipId clip, Instant at) {
        // Both dialects take ON CONFLICT DO NOTHING: a re-delivery keeps the first time.
        try {
            handle.createUpdate("INSERT INTO grant_deliveries (grant_id, clip_id, delivered_at)"
                            + " VALUES (:grant, :clip, :at) ON CONFLICT (grant_id, clip_id) DO NOTHING")
                    .bind("grant", grant.value())
                    .bind("clip", clip.value())
                    .bind("at", at.toEpochMilli())
                    .execute();
        } catch (JdbiException e) {
            throw JdbcErrors.onInsert(e, "delivery of " + clip + " under " + grant);
        }
    }

    @Override
    public List<GrantId> holders(ClipId clip) {
        return handle.createQuery("SELECT grant_id FROM grant_deliveries WHERE clip_id = :clip ORDER BY grant_id")
                .bind("clip", clip.value())
                .map((rs, ctx) -> new GrantId(rs.getString(1)))
                .list();
    }

    @Override
    public List<ClipId> delivered(GrantId grant) {
        return handle.createQuery("SELECT clip_id FROM grant_deliveries WHERE grant_id = :grant ORDER BY clip_id")
                .bind("grant", grant.value())
                .map((rs, ctx) -> new ClipId(rs.getString(1)))
                .list();
    }

    @Override
    public List<Grant> all() {
        return handle.createQuery("SELECT " + COLUMNS + " FROM grants ORDER BY created_at DESC, id DESC")
                .map(JdbcGrantRepository::map)
                .list();
    }

    @Override
    public boolean appendRevocation(GrantId grant, ClipId clip, String sampleKey, RevocationReason reason, Instant at) {
        return handle.createUpdate("INSERT INTO grant_revocations (grant_id, seq, clip_id, sample_key, reason,"
                                + " revoked_at) SELECT :grant, COALESCE(MAX(seq), 0) + 1, :clip, :key, :reason, :at"
                                + " FROM grant_revocations WHERE grant_id = :grant"
                                + " ON CONFLICT (grant_id, clip_id) DO NOTHING")
                        .bind("grant", grant.value())
                        .bind("clip", clip.value())
                        .bind("key", sampleKey)
                        .bind("reason", reason.name())
                        .bind("at", at.toEpochMilli())
                        .execute()
                == 1;
    }

    @Override
    public Set<ClipId> revokedClips(GrantId grant) {
        return handle.createQuery("SELECT clip_id FROM grant_revocations WHERE grant_id = :grant")
                .bind("grant", grant.value())
                .map((rs, ctx) -> new ClipId(rs.getString(1)))
                .collectIntoSet();
    }

    @Override
    public List<Revocation> revocations(GrantId grant, long after, int limit) {
        return handle.createQuery("SELECT " + REVOCATION_COLUMNS + " FROM grant_revocations WHERE grant_id = :grant"
                        + " AND seq > :after ORDER BY seq LIMIT :limit")
                .bind("grant", grant.value())
                .bind("after", after)
                .bind("limit", limit)
                .map(JdbcGrantRepository::revocation)
                .list();
    }

    @Override
    public int acknowledge(GrantId grant, Set<Long> sequences, Instant at) {
        int changed = 0;
        for (long sequence : sequences) {
            changed += handle.createUpdate("UPDATE grant_revocations SET acknowledged_at = :at WHERE grant_id = :grant"
                            + " AND seq = :seq AND acknowledged_at IS NULL")
                    .bind("at", at.toEpochMilli())
                    .bind("grant", grant.value())
                    .bind("seq", sequence)
                    .execute();
        }
        return changed;
    }

    @Override
    public List<Revocation> overdue(Instant now) {
        return handle.createQuery(
                        "SELECT " + REVOCATION_COLUMNS.replace("grant_id", "r.grant_id")
                                + " FROM grant_revocations r JOIN grants g ON g.id = r.grant_id"
                                + " WHERE r.acknowledged_at IS NULL"
                                + " AND r.revoked_at + CAST(g.delete_within_days AS BIGINT) * 86400000 < :now ORDER BY r.revoked_at, r.seq")
                .bind("now", now.toEpochMilli())
                .map(JdbcGrantRepository::revocation)
                .list();
    }

    private static Revocation revocation(ResultSet rs, StatementContext ctx) throws SQLException {
        long acknowledged = rs.getLong("acknowledged_at");
        boolean isAcknowledged = !rs.wasNull();
        return new Revocation(
                new GrantId(rs.getString("grant_id")),
                rs.getLong("seq"),
                rs.getString("sample_key"),
                RevocationReason.valueOf(rs.getString("reason")),
                Instant.ofEpochMilli(rs.getLong("revoked_at")),
                isAcknowledged ? Optional.of(Instant.ofEpochMilli(acknowledged)) : Optional.empty());
    }

    private static String codes(Grant grant) {
        return grant.purposes().stream().sorted().map(Purpose::code).collect(Collectors.joining(","));
    }

    private static Grant map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Grant(
                new GrantId(rs.getString("id")),
                new OrganizationId(rs.getString("organization_id")),
                new ProjectId(rs.getString("project_id")),
                new AccountId(rs.getString("consumer_id")),
                Arrays.stream(rs.getString("purposes").split(","))
                        .map(Purpose::of)
                        .collect(Collectors.toSet()),
                Instant.ofEpochMilli(rs.getLong("expires_at")),
                new GrantBudget(
                        rs.getLong("bytes_per_hour"),
                        rs.getLong("bytes_per_day"),
                        rs.getLong("bytes_total"),
                        rs.getLong("clips_per_hour"),
                        rs.getLong("clips_per_day"),
                        rs.getLong("clips_total")),
                new BuyerCommitments(
                        rs.getInt("delete_within_days"),
                        rs.getInt("encryption_at_rest") == 1,
                        rs.getInt("no_reidentification") == 1,
                        rs.getInt("no_onward_transfer") == 1),
                GrantState.valueOf(rs.getString("state")),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
