package dev.custody.jdbc;

import dev.custody.audio.AudioLimits;
import dev.custody.project.OrganizationId;
import dev.custody.project.Project;
import dev.custody.project.ProjectId;
import dev.custody.store.ProjectRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Projects, with their audio limits as columns and their prompts, in order, in a child table. */
final class JdbcProjectRepository implements ProjectRepository {
    private static final String INSERT = """
            INSERT INTO projects (id, organization_id, name, consent_terms_version, retention_ms,
                min_sample_rate, max_sample_rate, min_duration_ms, max_duration_ms, max_upload_bytes,
                max_clipping_ratio, min_rms_dbfs, max_silence_ratio, min_snr_db, created_at)
            VALUES (:id, :organization, :name, :termsVersion, :retentionMs,
                :minSampleRate, :maxSampleRate, :minDurationMs, :maxDurationMs, :maxUploadBytes,
                :maxClippingRatio, :minRmsDbfs, :maxSilenceRatio, :minSnrDb, :createdAt)
            """;

    private final Handle handle;

    JdbcProjectRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void insert(Project project) {
        try {
            AudioLimits limits = project.limits();
            handle.createUpdate(INSERT)
                    .bind("id", project.id().value())
                    .bind("organization", project.organization().value())
                    .bind("name", project.name())
                    .bind("termsVersion", project.consentTermsVersion())
                    .bind("retentionMs", project.retention().toMillis())
                    .bind("minSampleRate", limits.minSampleRate())
                    .bind("maxSampleRate", limits.maxSampleRate())
                    .bind("minDurationMs", limits.minDuration().toMillis())
                    .bind("maxDurationMs", limits.maxDuration().toMillis())
                    .bind("maxUploadBytes", limits.maxUploadBytes())
                    .bind("maxClippingRatio", limits.maxClippingRatio())
                    .bind("minRmsDbfs", limits.minRmsDbfs())
                    .bind("maxSilenceRatio", limits.maxSilenceRatio())
                    .bind("minSnrDb", limits.minSnrDb())
                    .bind("createdAt", project.createdAt().toEpochMilli())
                    .execute();
            insertPrompts(project);
        } catch (JdbiException e) {
            throw JdbcErrors.onInsert(e, "project " + project.id());
        }
    }

    private void insertPrompts(Project project) {
        PreparedBatch batch = handle.prepareBatch(
                "INSERT INTO project_prompts (project_id, idx, text) VALUES (:project, :idx, :text)");
        List<String> prompts = project.prompts();
        for (int i = 0; i < prompts.size(); i++) {
            batch.bind("project", project.id().value())
                    .bind("idx", i)
                    .bind("text", prompts.get(i))
                    .add();
        }
        batch.execute();
    }

    @Override
    public Optional<Project> find(ProjectId id) {
        // Every project has at least one prompt, so no prompts means no project.
        List<String> prompts = prompts(id);
        if (prompts.isEmpty()) {
            return Optional.empty();
        }
        return handle.createQuery("SELECT * FROM projects WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> map(rs, prompts))
                .findOne();
    }

    private List<String> prompts(ProjectId id) {
        return handle.createQuery("SELECT text FROM project_prompts WHERE project_id = :id ORDER BY idx")
                .bind("id", id.value())
                .mapTo(String.class)
                .list();
    }

    private static Project map(ResultSet rs, List<String> prompts) throws SQLException {
        AudioLimits limits = new AudioLimits(
                rs.getInt("min_sample_rate"),
                rs.getInt("max_sample_rate"),
                Duration.ofMillis(rs.getLong("min_duration_ms")),
                Duration.ofMillis(rs.getLong("max_duration_ms")),
                rs.getLong("max_upload_bytes"),
                rs.getDouble("max_clipping_ratio"),
                rs.getDouble("min_rms_dbfs"),
                rs.getDouble("max_silence_ratio"),
                rs.getDouble("min_snr_db"));
        return new Project(
                new ProjectId(rs.getString("id")),
                new OrganizationId(rs.getString("organization_id")),
                rs.getString("name"),
                prompts,
                rs.getInt("consent_terms_version"),
                Duration.ofMillis(rs.getLong("retention_ms")),
                limits,
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
