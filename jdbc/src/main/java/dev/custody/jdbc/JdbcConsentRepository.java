package dev.custody.jdbc;

import dev.custody.contributor.ConsentId;
import dev.custody.contributor.ConsentRecord;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import dev.custody.store.ConsentRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbcConsentRepository implements ConsentRepository {
    private final Handle handle;

    JdbcConsentRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void insert(ConsentRecord consent) {
        try {
            handle.createUpdate("INSERT INTO consents (id, contributor, project_id, terms_version, given_at)"
                            + " VALUES (:id, :contributor, :project, :termsVersion, :givenAt)")
                    .bind("id", consent.id().value())
                    .bind("contributor", consent.contributor().value())
                    .bind("project", consent.project().value())
                    .bind("termsVersion", consent.termsVersion())
                    .bind("givenAt", consent.givenAt().toEpochMilli())
                    .execute();
        } catch (JdbiException e) {
            throw JdbcErrors.onInsert(e, "consent " + consent.id());
        }
    }

    @Override
    public Optional<ConsentRecord> latest(Pseudonym contributor, ProjectId project) {
        // Two consents given in the same millisecond: the higher terms version is the later one.
        return handle.createQuery("SELECT id, contributor, project_id, terms_version, given_at FROM consents"
                        + " WHERE contributor = :contributor AND project_id = :project"
                        + " ORDER BY given_at DESC, terms_version DESC, id DESC LIMIT 1")
                .bind("contributor", contributor.value())
                .bind("project", project.value())
                .map(JdbcConsentRepository::consent)
                .findOne();
    }

    @Override
    public List<ConsentRecord> byContributor(Pseudonym contributor) {
        return handle.createQuery("SELECT id, contributor, project_id, terms_version, given_at FROM consents"
                        + " WHERE contributor = :contributor ORDER BY given_at, terms_version, id")
                .bind("contributor", contributor.value())
                .map(JdbcConsentRepository::consent)
                .list();
    }

    private static ConsentRecord consent(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ConsentRecord(
                new ConsentId(rs.getString("id")),
                new Pseudonym(rs.getString("contributor")),
                new ProjectId(rs.getString("project_id")),
                rs.getInt("terms_version"),
                Instant.ofEpochMilli(rs.getLong("given_at")));
    }
}
