package dev.custody.jdbc;

import dev.custody.Bytes;
import dev.custody.access.AccessToken;
import dev.custody.access.Role;
import dev.custody.access.TokenId;
import dev.custody.access.TokenKind;
import dev.custody.project.OrganizationId;
import dev.custody.store.AccessTokenRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbcAccessTokenRepository implements AccessTokenRepository {
    private static final String COLUMNS = "id, secret_sha256, principal_id, role, organization_id, kind, created_at,"
            + " expires_at, last_used_at, revoked_at";

    private final Handle handle;

    JdbcAccessTokenRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void insert(AccessToken token) {
        try {
            handle.createUpdate("INSERT INTO access_tokens (" + COLUMNS + ") VALUES (:id, :hash, :principal, :role,"
                            + " :organization, :kind, :createdAt, :expiresAt, :lastUsedAt, :revokedAt)")
                    .bind("id", token.id().value())
                    .bind("hash", token.secretHash().toArray())
                    .bind("principal", token.principalId())
                    .bind("role", token.role().name())
                    .bind(
                            "organization",
                            token.organization().map(OrganizationId::value).orElse(null))
                    .bind("kind", token.kind().name())
                    .bind("createdAt", token.createdAt().toEpochMilli())
                    .bind("expiresAt", token.expiresAt().toEpochMilli())
                    .bind("lastUsedAt", token.lastUsedAt().toEpochMilli())
                    .bind(
                            "revokedAt",
                            token.revokedAt().map(Instant::toEpochMilli).orElse(null))
                    .execute();
        } catch (JdbiException e) {
            throw JdbcErrors.onInsert(e, "access token");
        }
    }

    @Override
    public Optional<AccessToken> findBySecretHash(Bytes secretHash) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM access_tokens WHERE secret_sha256 = :hash")
                .bind("hash", secretHash.toArray())
                .map(JdbcAccessTokenRepository::map)
                .findOne();
    }

    @Override
    public List<AccessToken> listFor(String principalId) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM access_tokens WHERE principal_id = :principal"
                        + " ORDER BY created_at DESC, id")
                .bind("principal", principalId)
                .map(JdbcAccessTokenRepository::map)
                .list();
    }

    @Override
    public void touch(TokenId id, Instant lastUsedAt) {
        handle.createUpdate("UPDATE access_tokens SET last_used_at = :at WHERE id = :id AND last_used_at < :at")
                .bind("id", id.value())
                .bind("at", lastUsedAt.toEpochMilli())
                .execute();
    }

    @Override
    public boolean revoke(TokenId id, String principalId, Instant revokedAt) {
        return handle.createUpdate("UPDATE access_tokens SET revoked_at = :at"
                                + " WHERE id = :id AND principal_id = :principal AND revoked_at IS NULL")
                        .bind("id", id.value())
                        .bind("principal", principalId)
                        .bind("at", revokedAt.toEpochMilli())
                        .execute()
                > 0;
    }

    @Override
    public int revokeAll(String principalId, Instant revokedAt) {
        return handle.createUpdate(
                        "UPDATE access_tokens SET revoked_at = :at WHERE principal_id = :principal AND revoked_at IS NULL")
                .bind("principal", principalId)
                .bind("at", revokedAt.toEpochMilli())
                .execute();
    }

    private static AccessToken map(ResultSet rs, StatementContext ctx) throws SQLException {
        long revokedAt = rs.getLong("revoked_at");
        boolean revoked = !rs.wasNull();
        return new AccessToken(
                new TokenId(rs.getString("id")),
                Bytes.copyOf(rs.getBytes("secret_sha256")),
                rs.getString("principal_id"),
                Role.valueOf(rs.getString("role")),
                Optional.ofNullable(rs.getString("organization_id")).map(OrganizationId::new),
                TokenKind.valueOf(rs.getString("kind")),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("expires_at")),
                Instant.ofEpochMilli(rs.getLong("last_used_at")),
                revoked ? Optional.of(Instant.ofEpochMilli(revokedAt)) : Optional.empty());
    }
}
