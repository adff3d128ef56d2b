package dev.custody.jdbc;

import dev.custody.egress.EgressUsage;
import dev.custody.store.EgressRepository;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** Hourly egress counts. One upsert per charge, which SQLite (3.35+) and PostgreSQL both take. */
final class JdbcEgressRepository implements EgressRepository {
    private final Handle handle;

    JdbcEgressRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public EgressUsage charge(String scope, Instant hour, long bytes) {
        return handle.createQuery("INSERT INTO egress_usage (scope, hour_start, bytes, clips) VALUES (:scope, :hour,"
                        + " :bytes, 1) ON CONFLICT (scope, hour_start) DO UPDATE SET bytes = egress_usage.bytes"
                        + " + excluded.bytes, clips = egress_usage.clips + 1 RETURNING bytes, clips")
                .bind("scope", scope)
                .bind("hour", hour.toEpochMilli())
                .bind("bytes", bytes)
                .map((rs, ctx) -> new EgressUsage(rs.getLong("bytes"), rs.getLong("clips")))
                .one();
    }

    @Override
    public EgressUsage since(String scope, Instant from) {
        return between(scope, from, Instant.ofEpochMilli(Long.MAX_VALUE));
    }

    @Override
    public EgressUsage between(String scope, Instant from, Instant to) {
        return handle.createQuery("SELECT COALESCE(SUM(bytes), 0) AS bytes, COALESCE(SUM(clips), 0) AS clips"
                        + " FROM egress_usage WHERE scope = :scope AND hour_start >= :from AND hour_start < :to")
                .bind("scope", scope)
                .bind("from", from.toEpochMilli())
                .bind("to", to.toEpochMilli())
                .map((rs, ctx) -> new EgressUsage(rs.getLong("bytes"), rs.getLong("clips")))
                .one();
    }

    @Override
    public long activeHours(String scope, Instant from, Instant to) {
        return handle.createQuery("SELECT COUNT(*) FROM egress_usage WHERE scope = :scope AND hour_start >= :from"
                        + " AND hour_start < :to")
                .bind("scope", scope)
                .bind("from", from.toEpochMilli())
                .bind("to", to.toEpochMilli())
                .mapTo(Long.class)
                .one();
    }
}
