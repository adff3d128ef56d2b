package dev.custody.jdbc;

import dev.custody.contributor.ConsentId;
import dev.custody.contributor.ConsentRecord;
import dev.custody.contributor.ContributorState;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import dev.custody.store.ConsentRepository;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

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
                .map((rs, ctx) -> new ConsentRecord(
                        new ConsentId(rs.getString("id")),
                        new Pseudonym(rs.getString("contributor")),
                        new ProjectId(rs.getString("project_id")),
                        rs.getInt("terms_version"),
                        Instant.ofEpochMilli(rs.getLong("given_at"))))
                .findOne();
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
