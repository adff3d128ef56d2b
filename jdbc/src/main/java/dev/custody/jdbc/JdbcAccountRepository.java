package dev.custody.jdbc;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.access.Account;
import dev.custody.access.AccountId;
import dev.custody.access.PasswordHash;
import dev.custody.access.Role;
import dev.custody.access.Username;
import dev.custody.keys.KekId;
import dev.custody.keys.WrappedKey;
import dev.custody.project.OrganizationId;
import dev.custody.store.AccountRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbcAccountRepository implements AccountRepository {
    private static final String COLUMNS = "id, username, role, organization_id, password_hash, totp_kek, totp_secret,"
            + " failed_attempts, locked_until, last_totp_step, disabled, created_at";

    private final Handle handle;

    JdbcAccountRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void insert(Account account) {
        try {
            handle.createUpdate("INSERT INTO accounts (" + COLUMNS + ") VALUES (:id, :username, :role, :organization,"
                            + " :password, :totpKek, :totpSecret, :failures, :lockedUntil, :totpStep, :disabled,"
                            + " :createdAt)")
                    .bind("id", account.id().value())
                    .bind("username", account.username().value())
                    .bind("role", account.role().name())
                    .bind(
                            "organization",
                            account.organization().map(OrganizationId::value).orElse(null))
                    .bind("password", account.password().encoded())
                    .bind(
                            "totpKek",
                            account.totpSecret().map(k -> k.kek().toString()).orElse(null))
                    .bind(
                            "totpSecret",
                            account.totpSecret()
                                    .map(k -> k.ciphertext().toArray())
                                    .orElse(null))
                    .bind("failures", account.failedAttempts())
                    .bind(
                            "lockedUntil",
                            account.lockedUntil().map(Instant::toEpochMilli).orElse(null))
                    .bind("totpStep", account.lastTotpStep())
                    .bind("disabled", account.disabled() ? 1 : 0)
                    .bind("createdAt", account.createdAt().toEpochMilli())
                    .execute();
        } catch (JdbiException e) {
            throw JdbcErrors.onInsert(e, "account");
        }
    }

    @Override
    public Optional<Account> find(AccountId id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM accounts WHERE id = :id")
                .bind("id", id.value())
                .map(JdbcAccountRepository::map)
                .findOne();
    }

    @Override
    public Optional<Account> findByUsername(Username username) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM accounts WHERE username = :username")
                .bind("username", username.value())
                .map(JdbcAccountRepository::map)
                .findOne();
    }

    @Override
    public void update(Account account) {
        int updated = handle.createUpdate(
                        "UPDATE accounts SET failed_attempts = :failures, locked_until = :lockedUntil,"
                                + " last_totp_step = :totpStep, disabled = :disabled WHERE id = :id")
                .bind("id", account.id().value())
                .bind("failures", account.failedAttempts())
                .bind(
                        "lockedUntil",
                        account.lockedUntil().map(Instant::toEpochMilli).orElse(null))
                .bind("totpStep", account.lastTotpStep())
                .bind("disabled", account.disabled() ? 1 : 0)
                .execute();
        if (updated == 0) {
            throw CustodyException.notFound("no such account");
        }
    }

    @Override
    public void linkContributor(AccountId account, WrappedKey link) {
        int updated = handle.createUpdate("UPDATE accounts SET contributor_kek = :kek, contributor_link = :link"
                        + " WHERE id = :id AND contributor_link IS NULL")
                .bind("id", account.value())
                .bind("kek", link.kek().toString())
                .bind("link", link.ciphertext().toArray())
                .execute();
        if (updated == 0) {
            throw new CustodyException(ErrorCode.CONFLICT, "no such account, or it is linked already");
        }
    }

    @Override
    public Optional<WrappedKey> contributorLink(AccountId account) {
        return handle.createQuery("SELECT contributor_kek, contributor_link FROM accounts"
                        + " WHERE id = :id AND contributor_link IS NOT NULL")
                .bind("id", account.value())
                .map((rs, ctx) -> new WrappedKey(
                        KekId.parse(rs.getString("contributor_kek")), Bytes.copyOf(rs.getBytes("contributor_link"))))
                .findOne();
    }

    @Override
    public void scrub(AccountId account, Username placeholder, PasswordHash unusable) {
        int updated;
        try {
            updated = handle.createUpdate("UPDATE accounts SET username = :username, password_hash = :password,"
                            + " totp_kek = NULL, totp_secret = NULL, contributor_kek = NULL, contributor_link = NULL"
                            + " WHERE id = :id")
                    .bind("id", account.value())
                    .bind("username", placeholder.value())
                    .bind("password", unusable.encoded())
                    .execute();
        } catch (JdbiException e) {
            throw JdbcErrors.onInsert(e, "username " + placeholder);
        }
        if (updated == 0) {
            throw CustodyException.notFound("no such account");
        }
    }

    private static Account map(ResultSet rs, StatementContext ctx) throws SQLException {
        String kek = rs.getString("totp_kek");
        byte[] secret = rs.getBytes("totp_secret");
        long lockedUntil = rs.getLong("locked_until");
        boolean locked = !rs.wasNull();
        return new Account(
                new AccountId(rs.getString("id")),
                new Username(rs.getString("username")),
                Role.valueOf(rs.getString("role")),
                Optional.ofNullable(rs.getString("organization_id")).map(OrganizationId::new),
                new PasswordHash(rs.getString("password_hash")),
                kek == null || secret == null
                        ? Optional.empty()
                        : Optional.of(new WrappedKey(KekId.parse(kek), Bytes.copyOf(secret))),
                rs.getInt("failed_attempts"),
                locked ? Optional.of(Instant.ofEpochMilli(lockedUntil)) : Optional.empty(),
                rs.getLong("last_totp_step"),
                rs.getInt("disabled") != 0,
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
