package dev.custody.store;

import dev.custody.egress.EgressUsage;
import java.time.Instant;

/**
 * What left, per scope ({@code principal:ID}, {@code organization:ID}, {@code grant:ID}) and per hour,
 * counted in the database so that every node counts together.
 */
public interface EgressRepository {
    /**
     * Adds one clip of {@code bytes} to the scope's hour starting at {@code hour}; answers the hour's
     * usage with it. On PostgreSQL the hour's row stays locked until the transaction ends, so
     * concurrent charges of one scope are counted one after the other.
     */
    EgressUsage charge(String scope, Instant hour, long bytes);

    /** The scope's usage in the hours starting at or after {@code from}. */
    EgressUsage since(String scope, Instant from);

    /** The scope's usage in the hours starting at or after {@code from} and before {@code to}. */
    EgressUsage between(String scope, Instant from, Instant to);

    /** How many hours from {@code from} (inclusive) to {@code to} (exclusive) the scope used at all. */
    long activeHours(String scope, Instant from, Instant to);
}
