package dev.custody.jdbc;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.audio.AudioContainer;
import dev.custody.audio.AudioInfo;
import dev.custody.audio.QualityFigures;
import dev.custody.audio.SampleEncoding;
import dev.custody.blob.BlobId;
import dev.custody.clip.Clip;
import dev.custody.clip.ClipId;
import dev.custody.clip.ClipState;
import dev.custody.clip.IdempotencyKey;
import dev.custody.clip.KeyedUpload;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import dev.custody.review.ClipCount;
import dev.custody.store.ClipRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

/** Clips, one row each, with the audio description and quality figures as columns. */
final class JdbcClipRepository implements ClipRepository {
    private static final String INSERT = """
            INSERT INTO clips (id, project_id, contributor, prompt_index, container, encoding,
                sample_rate, channels, frames, original_bytes, sha256, clipping_ratio, rms_dbfs,
                silence_ratio, snr_db, state, blob_id, key_header, created_at, expires_at)
            SELECT :id, id, :contributor, :promptIndex, :container, :encoding,
                :sampleRate, :channels, :frames, :originalBytes, :sha256, :clippingRatio, :rmsDbfs,
                :silenceRatio, :snrDb, :state, :blob, :keyHeader, :createdAt, :createdAt + retention_ms
            FROM projects WHERE id = :project
            """;
    // The literal state matches the partial index clips_by_expiry, which a bound parameter would not.
    static final String EXPIRED = "SELECT id FROM clips WHERE state <> 'ERASED' AND expires_at <= :now"
            + " ORDER BY expires_at, id LIMIT :limit";

    // The literal state matches the partial index clips_by_contributor_audio, as in EXPIRED.
    static final String LIVE_WITH_AUDIO = "SELECT id FROM clips WHERE contributor = :contributor"
            + " AND sha256 = :sha256 AND state <> 'ERASED' ORDER BY created_at, id LIMIT 1";
    static final String FORGET_EXPIRED_KEYS = "DELETE FROM upload_keys WHERE expires_at <= :now";
    /**
     * Clips with their contributor's state: a clip of an erased contributor reads {@code ERASED},
     * without its key header, from the erasure's commit on, before the background pass marks it.
     */
    static final String SELECT = "SELECT clips.*, contributors.state AS contributor_state FROM clips"
            + " JOIN contributors ON contributors.pseudonym = clips.contributor";

    private static final int IDS_PER_QUERY = 500;

    private final Handle handle;

    JdbcClipRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void insert(Clip clip) {
        AudioInfo audio = clip.audio();
        QualityFigures quality = clip.quality();
        int inserted;
        try {
            // One statement: the expiry comes from the project's retention, read in the same insert.
            inserted = handle.createUpdate(INSERT)
                    .bind("id", clip.id().value())
                    .bind("project", clip.project().value())
                    .bind("contributor", clip.contributor().value())
                    .bind("promptIndex", clip.promptIndex())
                    .bind("container", audio.container().name())
                    .bind("encoding", audio.encoding().name())
                    .bind("sampleRate", audio.sampleRate())
                    .bind("channels", audio.channels())
                    .bind("frames", audio.frames())
                    .bind("originalBytes", clip.originalBytes())
                    .bind("sha256", clip.sha256().toArray())
                    .bind("clippingRatio", quality.clippingRatio())
                    .bind("rmsDbfs", quality.rmsDbfs())
                    .bind("silenceRatio", quality.silenceRatio())
                    .bind("snrDb", quality.snrDb())
                    .bind("state", clip.state().name())
                    .bind("blob", clip.blob().value())
                    .bind("keyHeader", clip.keyHeader().map(Bytes::toArray).orElse(null))
                    .bind("createdAt", clip.createdAt().toEpochMilli())
                    .execute();
        } catch (JdbiException e) {
            throw JdbcErrors.onInsert(e, "clip " + clip.id());
        }
        if (inserted == 0) {
            throw CustodyException.notFound("clip " + clip.id() + " refers to no existing project");
        }
    }

    @Override
    public void recordIngestEntry(ClipId clip, long entryIndex) {
        int updated = handle.createUpdate("UPDATE clips SET ingest_entry = :entry WHERE id = :id")
                .bind("entry", entryIndex)
                .bind("id", clip.value())
                .execute();
        if (updated == 0) {
            throw CustodyException.notFound("no clip " + clip);
        }
    }

    @Override
    public Map<ClipId, Long> ingestEntries(Set<ClipId> clips) {
        Map<ClipId, Long> entries = new HashMap<>();
        for (List<String> ids : slices(clips.stream().map(ClipId::value).toList())) {
            handle.createQuery("SELECT id, ingest_entry FROM clips WHERE id IN (<ids>) AND ingest_entry IS NOT NULL")
                    .bindList("ids", ids)
                    .map((rs, ctx) -> Map.entry(new ClipId(rs.getString("id")), rs.getLong("ingest_entry")))
                    .forEach(entry -> entries.put(entry.getKey(), entry.getValue()));
        }
        return entries;
    }

    @Override
    public Set<BlobId> namedBlobs(Set<BlobId> blobs) {
        Set<BlobId> named = new HashSet<>();
        for (List<String> ids : slices(blobs.stream().map(BlobId::value).toList())) {
            handle.createQuery("SELECT blob_id FROM clips WHERE blob_id IN (<ids>)")
                    .bindList("ids", ids)
                    .map((rs, ctx) -> new BlobId(rs.getString("blob_id")))
                    .forEach(named::add);
        }
        return named;
    }

    /**
     * {@code ids} in slices of at most {@value #IDS_PER_QUERY}: a contributor's export, or a
     * sweep's batch, may ask about more than a statement takes parameters.
     */
    private static List<List<String>> slices(List<String> ids) {
        List<List<String>> slices = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            slices.add(ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)));
        }
        return slices;
    }

    @Override
    public Optional<Clip> find(ClipId id) {
        return handle.createQuery(SELECT + " WHERE clips.id = :id")
                .bind("id", id.value())
                .map(JdbcClipRepository::map)
                .findOne();
    }

    @Override
    public List<Clip> byContributor(Pseudonym contributor) {
        return handle.createQuery(
                        SELECT + " WHERE clips.contributor = :contributor ORDER BY clips.created_at, clips.id")
                .bind("contributor", contributor.value())
                .map(JdbcClipRepository::map)
                .list();
    }

    @Override
    public boolean lockForReview(ClipId id) {
        // A no-op write: on PostgreSQL it takes the row lock until the transaction ends, so a
        // concurrent verdict waits and then reads what this one wrote; SQLite has one writer anyway.
        return handle.createUpdate("UPDATE clips SET state = state WHERE id = :id AND state = :pending")
                        .bind("id", id.value())
                        .bind("pending", ClipState.PENDING_REVIEW.name())
                        .execute()
                == 1;
    }

    @Override
    public boolean decide(ClipId id, ClipState decided) {
        if (decided != ClipState.ACCEPTED && decided != ClipState.REJECTED) {
            throw new IllegalArgumentException("a review decides ACCEPTED or REJECTED, not " + decided);
        }
        return handle.createUpdate("UPDATE clips SET state = :decided WHERE id = :id AND state = :pending")
                        .bind("decided", decided.name())
                        .bind("id", id.value())
                        .bind("pending", ClipState.PENDING_REVIEW.name())
                        .execute()
                == 1;
    }

    @Override
    public Map<ClipState, Long> countByState(ProjectId project) {
        Map<ClipState, Long> counts = new EnumMap<>(ClipState.class);
        handle.createQuery("SELECT CASE WHEN contributors.state = 'ERASED' THEN 'ERASED' ELSE clips.state END"
                        + " AS clip_state, COUNT(*) AS clips FROM clips"
                        + " JOIN contributors ON contributors.pseudonym = clips.contributor"
                        + " WHERE clips.project_id = :project GROUP BY clip_state")
                .bind("project", project.value())
                .map((rs, ctx) ->
                        counts.merge(ClipState.valueOf(rs.getString("clip_state")), rs.getLong("clips"), Long::sum))
                .list();
        return counts;
    }

    @Override
    public List<ClipCount> countByDay(ProjectId project) {
        return countBy(project, "clips.created_at / " + Duration.ofDays(1).toMillis());
    }

    @Override
    public List<ClipCount> countByPrompt(ProjectId project) {
        return countBy(project, "clips.prompt_index");
    }

    /** {@code key} is one of the two expressions above, never text from a caller. */
    private List<ClipCount> countBy(ProjectId project, String key) {
        return handle.createQuery("SELECT " + key + " AS count_key, COUNT(*) AS collected,"
                        + " SUM(CASE WHEN clips.state = 'ACCEPTED' AND contributors.state <> 'ERASED'"
                        + " THEN 1 ELSE 0 END) AS accepted FROM clips"
                        + " JOIN contributors ON contributors.pseudonym = clips.contributor"
                        + " WHERE clips.project_id = :project GROUP BY count_key ORDER BY count_key")
                .bind("project", project.value())
                .map((rs, ctx) ->
                        new ClipCount(rs.getLong("count_key"), rs.getLong("collected"), rs.getLong("accepted")))
                .list();
    }

    /** Returns the blobs of the clips this call erased; clips erased before are not returned again. */
    @Override
    public List<BlobId> erase(Pseudonym contributor, int limit) {
        return handle.createQuery("UPDATE clips SET state = :erased, key_header = NULL WHERE id IN"
                        + " (SELECT id FROM clips WHERE contributor = :contributor AND state <> :erased LIMIT :limit)"
                        + " RETURNING blob_id")
                .bind("erased", ClipState.ERASED.name())
                .bind("contributor", contributor.value())
                .bind("limit", limit)
                .map((rs, ctx) -> new BlobId(rs.getString("blob_id")))
                .list();
    }

    @Override
    public long countNotMarkedErased(Pseudonym contributor) {
        return handle.createQuery("SELECT COUNT(*) FROM clips WHERE contributor = :contributor AND state <> :erased")
                .bind("contributor", contributor.value())
                .bind("erased", ClipState.ERASED.name())
                .mapTo(Long.class)
                .one();
    }

    @Override
    public Optional<BlobId> erase(ClipId clip) {
        return handle.createQuery("UPDATE clips SET state = :erased, key_header = NULL"
                        + " WHERE id = :id AND state <> :erased RETURNING blob_id")
                .bind("erased", ClipState.ERASED.name())
                .bind("id", clip.value())
                .map((rs, ctx) -> new BlobId(rs.getString("blob_id")))
                .findOne();
    }

    @Override
    public List<Clip> accepted(ProjectId project, Optional<ClipId> after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit is at least 1");
        }
        // Oldest first, on the (project_id, state, created_at) index; the row-value comparison
        // continues after the last clip of the previous page without sorting the project again.
        String from = after.isEmpty()
                ? ""
                : " AND (clips.created_at, clips.id) > (SELECT created_at, id FROM clips WHERE id = :after)";
        return handle.createQuery(SELECT + " WHERE clips.project_id = :project AND clips.state = 'ACCEPTED'" + from
                        + " ORDER BY clips.created_at, clips.id LIMIT :limit")
                .bind("project", project.value())
                .bind("after", after.map(ClipId::value).orElse(""))
                .bind("limit", limit)
                .map(JdbcClipRepository::map)
                .list();
    }

    @Override
    public List<ClipId> expired(Instant now, int limit) {
        return handle.createQuery(EXPIRED)
                .bind("now", now.toEpochMilli())
                .bind("limit", limit)
                .map((rs, ctx) -> new ClipId(rs.getString("id")))
                .list();
    }

    @Override
    public void lockUploadsOf(Pseudonym contributor) {
        // A no-op write, as in lockForReview: it holds the contributor's row until the transaction ends.
        handle.createUpdate("UPDATE contributors SET state = state WHERE pseudonym = :contributor")
                .bind("contributor", contributor.value())
                .execute();
    }

    @Override
    public void recordUploadKey(
            String principal, IdempotencyKey key, KeyedUpload upload, Instant now, Instant expiresAt) {
        // An expired record is forgotten here rather than waiting for the sweep, so the key is free again.
        handle.createUpdate("DELETE FROM upload_keys WHERE principal = :principal AND idempotency_key = :key"
                        + " AND expires_at <= :now")
                .bind("principal", principal)
                .bind("key", key.value())
                .bind("now", now.toEpochMilli())
                .execute();
        try {
            handle.createUpdate("""
                            INSERT INTO upload_keys (principal, idempotency_key, request_sha256, clip_id,
                                consent_terms_version, created_at, expires_at)
                            VALUES (:principal, :key, :requestSha256, :clip, :termsVersion, :now, :expiresAt)
                            """)
                    .bind("principal", principal)
                    .bind("key", key.value())
                    .bind("requestSha256", upload.requestSha256().toArray())
                    .bind("clip", upload.clip().value())
                    .bind("termsVersion", upload.consentTermsVersion())
                    .bind("now", now.toEpochMilli())
                    .bind("expiresAt", expiresAt.toEpochMilli())
                    .execute();
        } catch (JdbiException e) {
            throw JdbcErrors.onInsert(e, "this Idempotency-Key");
        }
    }

    @Override
    public Optional<KeyedUpload> uploadKey(String principal, IdempotencyKey key, Instant now) {
        return handle.createQuery("SELECT request_sha256, clip_id, consent_terms_version FROM upload_keys"
                        + " WHERE principal = :principal AND idempotency_key = :key AND expires_at > :now")
                .bind("principal", principal)
                .bind("key", key.value())
                .bind("now", now.toEpochMilli())
                .map((rs, ctx) -> new KeyedUpload(
                        Bytes.copyOf(rs.getBytes("request_sha256")),
                        new ClipId(rs.getString("clip_id")),
                        rs.getInt("consent_terms_version")))
                .findOne();
    }

    @Override
    public int forgetExpiredUploadKeys(Instant now) {
        return handle.createUpdate(FORGET_EXPIRED_KEYS)
                .bind("now", now.toEpochMilli())
                .execute();
    }

    @Override
    public Optional<ClipId> liveWithAudio(Pseudonym contributor, Bytes sha256) {
        return handle.createQuery(LIVE_WITH_AUDIO)
                .bind("contributor", contributor.value())
                .bind("sha256", sha256.toArray())
                .map((rs, ctx) -> new ClipId(rs.getString("id")))
                .findOne();
    }

    /** Maps a row of {@link #SELECT}. */
    static Clip map(ResultSet rs, StatementContext ctx) throws SQLException {
        boolean contributorErased = "ERASED".equals(rs.getString("contributor_state"));
        AudioInfo audio = new AudioInfo(
                AudioContainer.valueOf(rs.getString("container")),
                SampleEncoding.valueOf(rs.getString("encoding")),
                rs.getInt("sample_rate"),
                rs.getInt("channels"),
                rs.getLong("frames"));
        QualityFigures quality = new QualityFigures(
                rs.getDouble("clipping_ratio"),
                rs.getDouble("rms_dbfs"),
                rs.getDouble("silence_ratio"),
                rs.getDouble("snr_db"));
        return new Clip(
                new ClipId(rs.getString("id")),
                new ProjectId(rs.getString("project_id")),
                new Pseudonym(rs.getString("contributor")),
                rs.getInt("prompt_index"),
                audio,
                rs.getLong("original_bytes"),
                Bytes.copyOf(rs.getBytes("sha256")),
                quality,
                contributorErased ? ClipState.ERASED : ClipState.valueOf(rs.getString("state")),
                new BlobId(rs.getString("blob_id")),
                contributorErased
                        ? Optional.empty()
                        : Optional.ofNullable(rs.getBytes("key_header")).map(Bytes::copyOf),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
