package dev.custody.jdbc;

import dev.custody.project.Organization;
import dev.custody.project.OrganizationId;
import dev.custody.store.OrganizationRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbcOrganizationRepository implements OrganizationRepository {
    private final Handle handle;

    JdbcOrganizationRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void insert(Organization organization) {
        try {
            handle.createUpdate("INSERT INTO organizations (id, name, created_at) VALUES (:id, :name, :createdAt)")
                    .bind("id", organization.id().value())
                    .bind("name", organization.name())
                    .bind("createdAt", organization.createdAt().toEpochMilli())
                    .execute();
        } catch (JdbiException e) {
            throw JdbcErrors.onInsert(e, "organization " + organization.id());
        }
    }

    @Override
    public Optional<Organization> find(OrganizationId id) {
        return handle.createQuery("SELECT id, name, created_at FROM organizations WHERE id = :id")
                .bind("id", id.value())
                .map(JdbcOrganizationRepository::map)
                .findOne();
    }

    private static Organization map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Organization(
                new OrganizationId(rs.getString("id")),
                rs.getString("name"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
