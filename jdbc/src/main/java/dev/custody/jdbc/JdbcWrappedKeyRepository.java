package dev.custody.jdbc;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.access.AccountId;
import dev.custody.contributor.ConsentId;
import dev.custody.contributor.Pseudonym;
import dev.custody.contributor.SealedIdentity;
import dev.custody.grant.GrantId;
import dev.custody.keys.KekId;
import dev.custody.keys.KeyPurpose;
import dev.custody.keys.WrappedKey;
import dev.custody.store.WrappedKeyRepository;
import dev.custody.store.WrappedKeyRepository.StoredContributorLink;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The wrapped voice keys and sealed identities of {@link JdbcContributorRepository}'s tables, by KEK
 * version. The KEK id is stored in its string form, so equality on the column is equality of KekIds;
 * V4 indexes both tables by it.
 */
final class JdbcWrappedKeyRepository implements WrappedKeyRepository {
    private final Handle handle;

    JdbcWrappedKeyRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public List<StoredVoiceKey> voiceKeysUnder(KekId kek, int limit) {
        return handle.createQuery("SELECT pseudonym, wrapped FROM contributor_voice_keys"
                        + " WHERE kek = :kek ORDER BY pseudonym LIMIT :limit")
                .bind("kek", kek.toString())
                .bind("limit", positive(limit))
                .map((rs, ctx) -> new StoredVoiceKey(
                        new Pseudonym(rs.getString("pseudonym")),
                        new WrappedKey(kek, Bytes.copyOf(rs.getBytes("wrapped")))))
                .list();
    }

    @Override
    public List<StoredIdentity> identitiesUnder(KekId kek, int limit) {
        return handle.createQuery("SELECT pseudonym, name_ct, email_ct FROM contributor_identities"
                        + " WHERE kek = :kek ORDER BY pseudonym LIMIT :limit")
                .bind("kek", kek.toString())
                .bind("limit", positive(limit))
                .map((rs, ctx) -> new StoredIdentity(
                        new Pseudonym(rs.getString("pseudonym")),
                        new SealedIdentity(
                                kek, Bytes.copyOf(rs.getBytes("name_ct")), Bytes.copyOf(rs.getBytes("email_ct")))))
                .list();
    }

    @Override
    public boolean replaceVoiceKey(Pseudonym contributor, KekId expected, WrappedKey replacement) {
        return handle.createUpdate("UPDATE contributor_voice_keys SET kek = :kek, wrapped = :wrapped"
                                + " WHERE pseudonym = :pseudonym AND kek = :expected")
                        .bind("kek", replacement.kek().toString())
                        .bind("wrapped", replacement.ciphertext().toArray())
                        .bind("pseudonym", contributor.value())
                        .bind("expected", expected.toString())
                        .execute()
                == 1;
    }

    @Override
    public boolean replaceIdentity(Pseudonym contributor, KekId expected, SealedIdentity replacement) {
        return handle.createUpdate("UPDATE contributor_identities SET kek = :kek, name_ct = :name, email_ct = :email"
                                + " WHERE pseudonym = :pseudonym AND kek = :expected")
                        .bind("kek", replacement.kek().toString())
                        .bind("name", replacement.name().toArray())
                        .bind("email", replacement.email().toArray())
                        .bind("pseudonym", contributor.value())
                        .bind("expected", expected.toString())
                        .execute()
                == 1;
    }

    @Override
    public List<StoredTotpSecret> totpSecretsUnder(KekId kek, int limit) {
        return handle.createQuery("SELECT id, totp_secret FROM accounts WHERE totp_kek = :kek ORDER BY id LIMIT :limit")
                .bind("kek", kek.toString())
                .bind("limit", positive(limit))
                .map((rs, ctx) -> new StoredTotpSecret(
                        new AccountId(rs.getString("id")),
                        new WrappedKey(kek, Bytes.copyOf(rs.getBytes("totp_secret")))))
                .list();
    }

    @Override
    public boolean replaceTotpSecret(AccountId account, KekId expected, WrappedKey replacement) {
        return handle.createUpdate("UPDATE accounts SET totp_kek = :kek, totp_secret = :secret"
                                + " WHERE id = :id AND totp_kek = :expected")
                        .bind("kek", replacement.kek().toString())
                        .bind("secret", replacement.ciphertext().toArray())
                        .bind("id", account.value())
                        .bind("expected", expected.toString())
                        .execute()
                == 1;
    }

    @Override
    public List<StoredContributorLink> contributorLinksUnder(KekId kek, int limit) {
        return handle.createQuery(
                        "SELECT id, contributor_link FROM accounts WHERE contributor_kek = :kek ORDER BY id LIMIT :limit")
                .bind("kek", kek.toString())
                .bind("limit", positive(limit))
                .map((rs, ctx) -> new StoredContributorLink(
                        new AccountId(rs.getString("id")),
                        new WrappedKey(kek, Bytes.copyOf(rs.getBytes("contributor_link")))))
                .list();
    }

    @Override
    public boolean replaceContributorLink(AccountId account, KekId expected, WrappedKey replacement) {
        return handle.createUpdate("UPDATE accounts SET contributor_kek = :kek, contributor_link = :link"
                                + " WHERE id = :id AND contributor_kek = :expected")
                        .bind("kek", replacement.kek().toString())
                        .bind("link", replacement.ciphertext().toArray())
                        .bind("id", account.value())
                        .bind("expected", expected.toString())
                        .execute()
                == 1;
    }

    @Override
    public List<StoredSignerName> signerNamesUnder(KekId kek, int limit) {
        return handle.createQuery("SELECT id, contributor, signer_name FROM consents"
                        + " WHERE signer_kek = :kek ORDER BY id LIMIT :limit")
                .bind("kek", kek.toString())
                .bind("limit", positive(limit))
                .map((rs, ctx) -> new StoredSignerName(
                        new ConsentId(rs.getString("id")),
                        new Pseudonym(rs.getString("contributor")),
                        new WrappedKey(kek, Bytes.copyOf(rs.getBytes("signer_name")))))
                .list();
    }

    @Override
    public boolean replaceSignerName(ConsentId consent, KekId expected, WrappedKey replacement) {
        return handle.createUpdate("UPDATE consents SET signer_kek = :kek, signer_name = :name"
                                + " WHERE id = :id AND signer_kek = :expected")
                        .bind("kek", replacement.kek().toString())
                        .bind("name", replacement.ciphertext().toArray())
                        .bind("id", consent.value())
                        .bind("expected", expected.toString())
                        .execute()
                == 1;
    }

    @Override
    public List<StoredGrantSecret> grantSecretsUnder(KekId kek, int limit) {
        return handle.createQuery("SELECT id, secret FROM grants WHERE secret_kek = :kek ORDER BY id LIMIT :limit")
                .bind("kek", kek.toString())
                .bind("limit", positive(limit))
                .map((rs, ctx) -> new StoredGrantSecret(
                        new GrantId(rs.getString("id")), new WrappedKey(kek, Bytes.copyOf(rs.getBytes("secret")))))
                .list();
    }

    @Override
    public boolean replaceGrantSecret(GrantId grant, KekId expected, WrappedKey replacement) {
        return handle.createUpdate("UPDATE grants SET secret_kek = :kek, secret = :secret"
                                + " WHERE id = :id AND secret_kek = :expected")
                        .bind("kek", replacement.kek().toString())
                        .bind("secret", replacement.ciphertext().toArray())
                        .bind("id", grant.value())
                        .bind("expected", expected.toString())
                        .execute()
                == 1;
    }

    @Override
    public Map<KekId, Long> countByKek(KeyPurpose purpose) {
        String table = switch (requireNonNull(purpose, "purpose is null")) {
            case VOICE -> "contributor_voice_keys";
            case IDENTITY -> "contributor_identities";
        };
        Map<KekId, Long> counts = new HashMap<>();
        handle.createQuery("SELECT kek, COUNT(*) AS n FROM " + table + " GROUP BY kek")
                .map((rs, ctx) -> Map.entry(KekId.parse(rs.getString("kek")), rs.getLong("n")))
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        if (purpose == KeyPurpose.IDENTITY) {
            handle.createQuery(
                            "SELECT totp_kek, COUNT(*) AS n FROM accounts WHERE totp_kek IS NOT NULL GROUP BY totp_kek")
                    .map((rs, ctx) -> Map.entry(KekId.parse(rs.getString("totp_kek")), rs.getLong("n")))
                    .forEach(entry -> counts.merge(entry.getKey(), entry.getValue(), Long::sum));
            handle.createQuery("SELECT contributor_kek, COUNT(*) AS n FROM accounts"
                            + " WHERE contributor_kek IS NOT NULL GROUP BY contributor_kek")
                    .map((rs, ctx) -> Map.entry(KekId.parse(rs.getString("contributor_kek")), rs.getLong("n")))
                    .forEach(entry -> counts.merge(entry.getKey(), entry.getValue(), Long::sum));
            handle.createQuery("SELECT signer_kek, COUNT(*) AS n FROM consents"
                            + " WHERE signer_kek IS NOT NULL GROUP BY signer_kek")
                    .map((rs, ctx) -> Map.entry(KekId.parse(rs.getString("signer_kek")), rs.getLong("n")))
                    .forEach(entry -> counts.merge(entry.getKey(), entry.getValue(), Long::sum));
            handle.createQuery("SELECT secret_kek, COUNT(*) AS n FROM grants GROUP BY secret_kek")
                    .map((rs, ctx) -> Map.entry(KekId.parse(rs.getString("secret_kek")), rs.getLong("n")))
                    .forEach(entry -> counts.merge(entry.getKey(), entry.getValue(), Long::sum));
        }
        return Map.copyOf(counts);
    }

    private static int positive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return limit;
    }
}
