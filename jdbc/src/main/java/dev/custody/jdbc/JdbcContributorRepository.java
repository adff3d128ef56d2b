package dev.custody.jdbc;

import dev.custody.Bytes;
import dev.custody.contributor.Contributor;
import dev.custody.contributor.ContributorState;
import dev.custody.contributor.Pseudonym;
import dev.custody.contributor.SealedIdentity;
import dev.custody.keys.KekId;
import dev.custody.keys.WrappedKey;
import dev.custody.store.ContributorRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Contributors in one table, their sealed identities and wrapped voice keys in two others, so that
 * erasure deletes exactly those rows and nothing in the voice tables links a pseudonym to a person.
 */
final class JdbcContributorRepository implements ContributorRepository {
    // The literal state matches the partial index contributors_by_last_activity.
    static final String INACTIVE = "SELECT pseudonym FROM contributors WHERE state = 'ACTIVE'"
            + " AND last_active_at < :cutoff ORDER BY last_active_at, pseudonym LIMIT :limit";

    private final Handle handle;

    JdbcContributorRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void insert(Contributor contributor, SealedIdentity identity, WrappedKey voiceKey) {
        String pseudonym = contributor.pseudonym().value();
        try {
            handle.createUpdate("INSERT INTO contributors (pseudonym, state, created_at, erased_at, last_active_at)"
                            + " VALUES (:pseudonym, :state, :createdAt, :erasedAt, :createdAt)")
                    .bind("pseudonym", pseudonym)
                    .bind("state", contributor.state().name())
                    .bind("createdAt", contributor.createdAt().toEpochMilli())
                    .bind(
                            "erasedAt",
                            contributor.erasedAt().map(Instant::toEpochMilli).orElse(null))
                    .execute();
            handle.createUpdate("INSERT INTO contributor_identities (pseudonym, kek, name_ct, email_ct)"
                            + " VALUES (:pseudonym, :kek, :name, :email)")
                    .bind("pseudonym", pseudonym)
                    .bind("kek", identity.kek().toString())
                    .bind("name", identity.name().toArray())
                    .bind("email", identity.email().toArray())
                    .execute();
            handle.createUpdate("INSERT INTO contributor_voice_keys (pseudonym, kek, wrapped)"
                            + " VALUES (:pseudonym, :kek, :wrapped)")
                    .bind("pseudonym", pseudonym)
                    .bind("kek", voiceKey.kek().toString())
                    .bind("wrapped", voiceKey.ciphertext().toArray())
                    .execute();
        } catch (JdbiException e) {
            throw JdbcErrors.onInsert(e, "contributor " + pseudonym);
        }
    }

    @Override
    public Optional<Contributor> find(Pseudonym pseudonym) {
        return handle.createQuery("SELECT pseudonym, state, created_at, erased_at FROM contributors"
                        + " WHERE pseudonym = :pseudonym")
                .bind("pseudonym", pseudonym.value())
                .map(JdbcContributorRepository::mapContributor)
                .findOne();
    }

    @Override
    public Optional<SealedIdentity> identity(Pseudonym pseudonym) {
        return handle.createQuery(
                        "SELECT kek, name_ct, email_ct FROM contributor_identities" + " WHERE pseudonym = :pseudonym")
                .bind("pseudonym", pseudonym.value())
                .map((rs, ctx) -> new SealedIdentity(
                        KekId.parse(rs.getString("kek")),
                        Bytes.copyOf(rs.getBytes("name_ct")),
                        Bytes.copyOf(rs.getBytes("email_ct"))))
                .findOne();
    }

    @Override
    public Optional<WrappedKey> voiceKey(Pseudonym pseudonym) {
        return handle.createQuery("SELECT kek, wrapped FROM contributor_voice_keys WHERE pseudonym = :pseudonym")
                .bind("pseudonym", pseudonym.value())
                .map((rs, ctx) ->
                        new WrappedKey(KekId.parse(rs.getString("kek")), Bytes.copyOf(rs.getBytes("wrapped"))))
                .findOne();
    }

    @Override
    public boolean erase(Pseudonym pseudonym, Instant at) {
        // The state change doubles as the existence check, so erasing twice changes nothing.
        int erased = handle.createUpdate("UPDATE contributors SET state = :erased, erased_at = :at"
                        + " WHERE pseudonym = :pseudonym AND state = :active")
                .bind("erased", ContributorState.ERASED.name())
                .bind("at", at.toEpochMilli())
                .bind("pseudonym", pseudonym.value())
                .bind("active", ContributorState.ACTIVE.name())
                .execute();
        if (erased == 0) {
            return false;
        }
        handle.createUpdate("DELETE FROM contributor_voice_keys WHERE pseudonym = :pseudonym")
                .bind("pseudonym", pseudonym.value())
                .execute();
        handle.createUpdate("DELETE FROM contributor_identities WHERE pseudonym = :pseudonym")
                .bind("pseudonym", pseudonym.value())
                .execute();
        handle.createUpdate("INSERT INTO clip_erasures_pending (pseudonym, queued_at) VALUES (:pseudonym, :at)")
                .bind("pseudonym", pseudonym.value())
                .bind("at", at.toEpochMilli())
                .execute();
        return true;
    }

    @Override
    public List<Pseudonym> clipErasuresPending(int limit) {
        return handle.createQuery(
                        "SELECT pseudonym FROM clip_erasures_pending ORDER BY queued_at, pseudonym LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new Pseudonym(rs.getString("pseudonym")))
                .list();
    }

    @Override
    public void clipErasureDone(Pseudonym pseudonym) {
        handle.createUpdate("DELETE FROM clip_erasures_pending WHERE pseudonym = :pseudonym")
                .bind("pseudonym", pseudonym.value())
                .execute();
    }

    @Override
    public void recordActivity(Pseudonym pseudonym, Instant at) {
        handle.createUpdate("UPDATE contributors SET last_active_at = :at"
                        + " WHERE pseudonym = :pseudonym AND state = :active AND last_active_at < :at")
                .bind("at", at.toEpochMilli())
                .bind("pseudonym", pseudonym.value())
                .bind("active", ContributorState.ACTIVE.name())
                .execute();
    }

    @Override
    public List<Pseudonym> inactiveSince(Instant cutoff, int limit) {
        return handle.createQuery(INACTIVE)
                .bind("cutoff", cutoff.toEpochMilli())
                .bind("limit", limit)
                .map((rs, ctx) -> new Pseudonym(rs.getString("pseudonym")))
                .list();
    }

    private static Contributor mapContributor(ResultSet rs, StatementContext ctx) throws SQLException {
        long erasedAt = rs.getLong("erased_at");
        Optional<Instant> erased = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(erasedAt));
        return new Contributor(
                new Pseudonym(rs.getString("pseudonym")),
                ContributorState.valueOf(rs.getString("state")),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                erased);
    }
}
