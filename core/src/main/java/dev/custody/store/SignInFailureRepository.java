package dev.custody.store;

import dev.custody.Bytes;
import dev.custody.access.FailureWindow;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed sign-ins counted per client address (by its {@link dev.custody.access.ClientAddress#key()})
 * in fixed windows, in the database so that every node sharing it counts together.
 */
public interface SignInFailureRepository {
    /**
     * Counts one failure at {@code at}: in the address's window if that began after {@code staleUpTo},
     * else in a new window beginning at {@code at}. Atomic: concurrent failures from any number of
     * nodes are all counted. Returns the window as it now stands.
     */
    FailureWindow recordFailure(Bytes addressKey, Instant at, Instant staleUpTo);

    /** The address's current window, stale or not; empty if it has none. */
    Optional<FailureWindow> find(Bytes addressKey);

    /** Deletes every window that began at or before {@code staleUpTo}; returns how many. */
    int purge(Instant staleUpTo);
}
