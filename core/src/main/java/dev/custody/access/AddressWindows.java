package dev.custody.access;

import dev.custody.Bytes;
import dev.custody.ledger.Actor;
import dev.custody.ledger.PrincipalSuspended;
import dev.custody.ledger.SuspensionCause;
import dev.custody.store.Repositories;
import java.time.Instant;

/**
 * What the sign-in and sign-up throttles share: counting what one client address does within a
 * window of {@link SignInThrottle#WINDOW}, in one table (each throttle under a key of its own), and
 * logging the address once per window, as the count reaches the throttle's limit. Ended windows are
 * forgotten as each count is made, so no address is kept longer than it matters.
 */
final class AddressWindows {
    private AddressWindows() {}

    /** A throttle's limit, and how the ledger records an address reaching it. */
    record Limit(int max, SuspensionCause cause, String purpose) {}

    /** Counts one event of {@code from} under {@code key}, in the caller's transaction. */
    static FailureWindow count(Repositories repositories, Bytes key, ClientAddress from, Limit limit, Instant now) {
        Instant staleUpTo = now.minus(SignInThrottle.WINDOW);
        repositories.signInFailures().purge(staleUpTo);
        FailureWindow window = repositories.signInFailures().recordFailure(key, now, staleUpTo);
        if (window.failures() == limit.max()) {
            repositories
                    .ledger()
                    .append(
                            new PrincipalSuspended(from.ledgerId(), limit.cause()),
                            Actor.system(),
                            limit.purpose(),
                            Principal.newRequestId(),
                            now);
        }
        return window;
    }
}
