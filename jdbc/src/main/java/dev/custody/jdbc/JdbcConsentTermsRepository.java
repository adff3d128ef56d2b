package dev.custody.jdbc;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.consent.ConsentTerms;
import dev.custody.project.ProjectId;
import dev.custody.store.ConsentTermsRepository;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * Consent terms stored as their canonical document and its SHA-256; reading parses the document back
 * and checks it still has that hash, so an edited row fails {@code INTEGRITY_FAILURE}.
 */
final class JdbcConsentTermsRepository implements ConsentTermsRepository {
    private final Handle handle;

    JdbcConsentTermsRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void insert(ConsentTerms terms) {
        try {
            handle.createUpdate("INSERT INTO consent_terms (project_id, version, sha256, document, published_at)"
                            + " VALUES (:project, :version, :sha256, :document, :publishedAt)")
                    .bind("project", terms.project().value())
                    .bind("version", terms.version())
                    .bind("sha256", terms.sha256().toArray())
                    .bind("document", terms.canonical())
                    .bind("publishedAt", terms.publishedAt().toEpochMilli())
                    .execute();
        } catch (JdbiException e) {
            throw JdbcErrors.onInsert(e, "version " + terms.version() + " of the terms of " + terms.project());
        }
    }

    @Override
    public Optional<ConsentTerms> find(ProjectId project, int version) {
        return handle.createQuery("SELECT sha256, document, published_at FROM consent_terms"
                        + " WHERE project_id = :project AND version = :version")
                .bind("project", project.value())
                .bind("version", version)
                .map((rs, ctx) -> {
                    var terms = ConsentTerms.parse(
                            rs.getString("document"), Instant.ofEpochMilli(rs.getLong("published_at")));
                    if (!terms.sha256().equals(Bytes.copyOf(rs.getBytes("sha256")))
                            || !terms.project().equals(project)
                            || terms.version() != version) {
                        throw CustodyException.integrityFailure();
                    }
                    return terms;
                })
                .findOne();
    }
}
