package dev.custody.jdbc;

import dev.custody.Bytes;
import dev.custody.access.AccountId;
import dev.custody.clip.ClipId;
import dev.custody.grant.BuyerCommitments;
import dev.custody.grant.Grant;
import dev.custody.grant.GrantBudget;
import dev.custody.grant.GrantId;
import dev.custody.grant.GrantState;
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
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

/** Grants and their deliveries. Purposes are stored as their codes, comma-separated, in vocabulary order. */
final class JdbcGrantRepository implements GrantRepository {
    private static final String COLUMNS = "id, organization_id, project_id, consumer_id, purposes, expires_at,"
            + " bytes_per_hour, bytes_per_day, bytes_total, clips_per_hour, clips_per_day, clips_total,"
            + " delete_within_days, encryption_at_rest, no_reidentification, no_onward_transfer, state, created_at";

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
