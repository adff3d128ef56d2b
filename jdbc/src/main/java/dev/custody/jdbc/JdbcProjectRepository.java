package dev.custody.jdbc;

import dev.custody.Money;
import dev.custody.audio.AudioLimits;
import dev.custody.project.Commission;
import dev.custody.project.OrganizationId;
import dev.custody.project.Project;
import dev.custody.project.ProjectId;
import dev.custody.project.ProjectSummary;
import dev.custody.project.PromptTerms;
import dev.custody.project.Purpose;
import dev.custody.project.Purposes;
import dev.custody.store.ProjectRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Projects, with their audio limits as columns and their prompts, in order, in a child table. */
final class JdbcProjectRepository implements ProjectRepository {
    private static final String INSERT = """
            INSERT INTO projects (id, organization_id, name, consent_terms_version, retention_ms,
                min_sample_rate, max_sample_rate, min_duration_ms, max_duration_ms, max_upload_bytes,
                max_clipping_ratio, min_rms_dbfs, max_silence_ratio, min_snr_db, language, target_clips,
                clips_per_prompt, review_count, pay_minor_units, pay_currency, created_at)
            VALUES (:id, :organization, :name, :termsVersion, :retentionMs,
                :minSampleRate, :maxSampleRate, :minDurationMs, :maxDurationMs, :maxUploadBytes,
                :maxClippingRatio, :minRmsDbfs, :maxSilenceRatio, :minSnrDb, :language, :targetClips,
                :clipsPerPrompt, :reviewCount, :payMinorUnits, :payCurrency, :createdAt)
            """;

    private final Handle handle;

    JdbcProjectRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void insert(Project project) {
        try {
            AudioLimits limits = project.limits();
            Commission commission = project.commission();
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
                    .bind("language", commission.language())
                    .bind("targetClips", commission.targetClips())
                    .bind("clipsPerPrompt", commission.clipsPerPrompt())
                    .bind("reviewCount", commission.reviewCount())
                    .bind("payMinorUnits", commission.payPerAcceptedClip().minorUnits())
                    .bind(
                            "payCurrency",
                            commission.payPerAcceptedClip().currency().getCurrencyCode())
                    .bind("createdAt", project.createdAt().toEpochMilli())
                    .execute();
            insertPrompts(project);
            insertPurposes(project);
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

    private void insertPurposes(Project project) {
        PreparedBatch batch = handle.prepareBatch(
                "INSERT INTO project_purposes (project_id, purpose, allowed) VALUES (:project, :purpose, :allowed)");
        Purposes purposes = project.purposes();
        for (Purpose purpose : Purpose.values()) {
            if (purposes.allowed().contains(purpose) || purposes.forbidden().contains(purpose)) {
                batch.bind("project", project.id().value())
                        .bind("purpose", purpose.code())
                        .bind("allowed", purposes.allows(purpose) ? 1 : 0)
                        .add();
            }
        }
        batch.execute();
    }

    @Override
    public boolean updateConsentTermsVersion(ProjectId id, int expected, int version) {
        return handle.createUpdate("UPDATE projects SET consent_terms_version = :version"
                                + " WHERE id = :id AND consent_terms_version = :expected")
                        .bind("version", version)
                        .bind("id", id.value())
                        .bind("expected", expected)
                        .execute()
                == 1;
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
                .map((rs, ctx) -> map(rs, prompts, purposes(id)))
                .findOne();
    }

    @Override
    public List<ProjectSummary> byOrganization(OrganizationId organization) {
        return handle.createQuery("SELECT id, name, consent_terms_version, created_at FROM projects"
                        + " WHERE organization_id = :organization ORDER BY created_at, id")
                .bind("organization", organization.value())
                .map((rs, ctx) -> new ProjectSummary(
                        new ProjectId(rs.getString("id")),
                        rs.getString("name"),
                        rs.getInt("consent_terms_version"),
                        Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list();
    }

    @Override
    public Optional<OrganizationId> owner(ProjectId id) {
        return handle.createQuery("SELECT organization_id FROM projects WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> new OrganizationId(rs.getString("organization_id")))
                .findOne();
    }

    @Override
    public Optional<PromptTerms> promptTerms(ProjectId id, int promptIndex) {
        return handle.createQuery("SELECT p.*, pp.text AS prompt_text FROM projects p"
                        + " LEFT JOIN project_prompts pp ON pp.project_id = p.id AND pp.idx = :idx"
                        + " WHERE p.id = :id")
                .bind("id", id.value())
                .bind("idx", promptIndex)
                .map((rs, ctx) -> new PromptTerms(
                        Optional.ofNullable(rs.getString("prompt_text")),
                        rs.getInt("consent_terms_version"),
                        limits(rs)))
                .findOne();
    }

    @Override
    public Optional<Integer> consentTermsVersion(ProjectId id) {
        return handle.createQuery("SELECT consent_terms_version FROM projects WHERE id = :id")
                .bind("id", id.value())
                .mapTo(Integer.class)
                .findOne();
    }

    @Override
    public Optional<Commission> commission(ProjectId id) {
        return handle.createQuery("SELECT * FROM projects WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> commission(rs))
                .findOne();
    }

    @Override
    public Map<Integer, String> prompts(ProjectId id, Set<Integer> indexes) {
        if (indexes.isEmpty()) {
            return Map.of();
        }
        return handle.createQuery("SELECT idx, text FROM project_prompts WHERE project_id = :id AND idx IN (<indexes>)")
                .bind("id", id.value())
                .bindList("indexes", List.copyOf(indexes))
                .map((rs, ctx) -> Map.entry(rs.getInt("idx"), rs.getString("text")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private List<String> prompts(ProjectId id) {
        return handle.createQuery("SELECT text FROM project_prompts WHERE project_id = :id ORDER BY idx")
                .bind("id", id.value())
                .mapTo(String.class)
                .list();
    }

    private Purposes purposes(ProjectId id) {
        Set<Purpose> allowed = EnumSet.noneOf(Purpose.class);
        Set<Purpose> forbidden = EnumSet.noneOf(Purpose.class);
        handle.createQuery("SELECT purpose, allowed FROM project_purposes WHERE project_id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> {
                    (rs.getInt("allowed") == 1 ? allowed : forbidden).add(Purpose.of(rs.getString("purpose")));
                    return null;
                })
                .list();
        return new Purposes(allowed, forbidden);
    }

    private static Project map(ResultSet rs, List<String> prompts, Purposes purposes) throws SQLException {
        return new Project(
                new ProjectId(rs.getString("id")),
                new OrganizationId(rs.getString("organization_id")),
                rs.getString("name"),
                prompts,
                rs.getInt("consent_terms_version"),
                Duration.ofMillis(rs.getLong("retention_ms")),
                limits(rs),
                commission(rs),
                purposes,
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    private static Commission commission(ResultSet rs) throws SQLException {
        return new Commission(
                rs.getString("language"),
                rs.getInt("target_clips"),
                rs.getInt("clips_per_prompt"),
                rs.getInt("review_count"),
                new Money(rs.getLong("pay_minor_units"), Currency.getInstance(rs.getString("pay_currency"))));
    }

    private static AudioLimits limits(ResultSet rs) throws SQLException {
        return new AudioLimits(
                rs.getInt("min_sample_rate"),
                rs.getInt("max_sample_rate"),
                Duration.ofMillis(rs.getLong("min_duration_ms")),
                Duration.ofMillis(rs.getLong("max_duration_ms")),
                rs.getLong("max_upload_bytes"),
                rs.getDouble("max_clipping_ratio"),
                rs.getDouble("min_rms_dbfs"),
                rs.getDouble("max_silence_ratio"),
                rs.getDouble("min_snr_db"));
    }
}
