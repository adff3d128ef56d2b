package dev.custody.jdbc;

import dev.custody.Bytes;
import dev.custody.contributor.ConsentId;
import dev.custody.contributor.ConsentRecord;
import dev.custody.contributor.ContributorState;
import dev.custody.contributor.Pseudonym;
import dev.custody.keys.WrappedKey;
import dev.custody.project.ProjectId;
import dev.custody.store.ConsentRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Consents. Withdrawal updates the rows with {@code RETURNING}, which both SQLite and PostgreSQL
 * offer; on PostgreSQL {@link #latest} takes a share lock, which a concurrent withdrawal's update
 * waits for (and the reverse), so an upload never commits against a consent withdrawn meanwhile. On
 * SQLite writers are serialized anyway.
 */
final class JdbcConsentRepository implements ConsentRepository {
    private static final String COLUMNS =
            "id, contributor, project_id, terms_version, terms_sha256, given_at, ledger_index, withdrawn_at,"
                    + " paper_form_sha256";

    private final Handle handle;
    private final Dialect dialect;

    JdbcConsentRepository(Handle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    @Override
    public void insert(ConsentRecord consent, Optional<WrappedKey> signerName) {
        try {
            handle.createUpdate("INSERT INTO consents (" + COLUMNS + ", signer_kek, signer_name)"
                            + " VALUES (:id, :contributor, :project, :termsVersion, :termsHash, :givenAt,"
                            + " :ledgerIndex, :withdrawnAt, :paperForm, :signerKek, :signerName)")
                    .bind("id", consent.id().value())
                    .bind("contributor", consent.contributor().value())
                    .bind("project", consent.project().value())
                    .bind("termsVersion", consent.termsVersion())
                    .bind("termsHash", consent.termsHash().toArray())
                    .bind("givenAt", consent.givenAt().toEpochMilli())
                    .bind(
                            "ledgerIndex",
                            consent.ledgerIndex().isPresent()
                                    ? consent.ledgerIndex().getAsLong()
                                    : null)
                    .bind(
                            "withdrawnAt",
                            consent.withdrawnAt().map(Instant::toEpochMilli).orElse(null))
                    .bind(
                            "paperForm",
                            consent.paperFormSha256().map(Bytes::toArray).orElse(null))
                    .bind(
                            "signerKek",
                            signerName.map(name -> name.kek().toString()).orElse(null))
                    .bind(
                            "signerName",
                            signerName.map(name -> name.ciphertext().toArray()).orElse(null))
                    .execute();
        } catch (JdbiException e) {
            throw JdbcErrors.onInsert(e, "consent " + consent.id());
        }
    }

    @Override
    public Optional<ConsentRecord> latest(Pseudonym contributor, ProjectId project) {
        // Two consents given in the same millisecond: the higher terms version is the later one.
        String lock = switch (dialect) {
            case SQLITE -> "";
            case POSTGRESQL -> " FOR SHARE";
        };
        return handle.createQuery("SELECT " + COLUMNS + " FROM consents"
                        + " WHERE contributor = :contributor AND project_id = :project"
                        + " ORDER BY given_at DESC, terms_version DESC, id DESC LIMIT 1" + lock)
                .bind("contributor", contributor.value())
                .bind("project", project.value())
                .map(JdbcConsentRepository::map)
                .findOne();
    }

    @Override
    public List<ConsentRecord> byContributor(Pseudonym contributor) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM consents WHERE contributor = :contributor"
                        + " ORDER BY given_at DESC, terms_version DESC, id DESC")
                .bind("contributor", contributor.value())
                .map(JdbcConsentRepository::map)
                .list();
    }

    @Override
    public List<ConsentRecord> withdraw(Pseudonym contributor, ProjectId project, Instant at) {
        return handle.createQuery("UPDATE consents SET withdrawn_at = :at WHERE contributor = :contributor"
                        + " AND project_id = :project AND withdrawn_at IS NULL RETURNING " + COLUMNS)
                .bind("at", at.toEpochMilli())
                .bind("contributor", contributor.value())
                .bind("project", project.value())
                .map(JdbcConsentRepository::map)
                .list();
    }

    @Override
    public List<ConsentRecord> withdrawAll(Pseudonym contributor, Instant at) {
        return handle.createQuery("UPDATE consents SET withdrawn_at = :at WHERE contributor = :contributor"
                        + " AND withdrawn_at IS NULL RETURNING " + COLUMNS)
                .bind("at", at.toEpochMilli())
                .bind("contributor", contributor.value())
                .map(JdbcConsentRepository::map)
                .list();
    }

    @Override
    public int forgetSignerNames(Pseudonym contributor) {
        return handle.createUpdate("UPDATE consents SET signer_kek = NULL, signer_name = NULL"
                        + " WHERE contributor = :contributor AND signer_name IS NOT NULL")
                .bind("contributor", contributor.value())
                .execute();
    }

    private static ConsentRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
        var project = new ProjectId(rs.getString("project_id"));
        int version = rs.getInt("terms_version");
        byte[] hash = rs.getBytes("terms_sha256");
        long index = rs.getLong("ledger_index");
        boolean indexed = !rs.wasNull();
        long withdrawnAt = rs.getLong("withdrawn_at");
        boolean withdrawn = !rs.wasNull();
        byte[] paperForm = rs.getBytes("paper_form_sha256");
        return new ConsentRecord(
                new ConsentId(rs.getString("id")),
                new Pseudonym(rs.getString("contributor")),
                project,
                version,
                hash == null ? ConsentRecord.legacyTermsHash(project, version) : Bytes.copyOf(hash),
                Instant.ofEpochMilli(rs.getLong("given_at")),
                indexed ? OptionalLong.of(index) : OptionalLong.empty(),
                withdrawn ? Optional.of(Instant.ofEpochMilli(withdrawnAt)) : Optional.empty(),
                Optional.ofNullable(paperForm).map(Bytes::copyOf));
    }

    @Override
    public long recordedByStaff(ProjectId project) {
        return handle.createQuery("SELECT COUNT(*) FROM consents WHERE project_id = :project"
                        + " AND paper_form_sha256 IS NOT NULL")
                .bind("project", project.value())
                .mapTo(Long.class)
                .one();
    }

    @Override
    public Map<ContributorState, Long> contributorsByState(ProjectId project) {
        Map<ContributorState, Long> counts = new EnumMap<>(ContributorState.class);
        handle.createQuery("SELECT c.state, COUNT(*) AS n FROM contributors c"
                        + " WHERE c.pseudonym IN (SELECT contributor FROM consents WHERE project_id = :project)"
                        + " GROUP BY c.state")
                .bind("project", project.value())
                .map((rs, ctx) -> Map.entry(ContributorState.valueOf(rs.getString("state")), rs.getLong("n")))
                .forEach(count -> counts.put(count.getKey(), count.getValue()));
        return counts;
    }
}
