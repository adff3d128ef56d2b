package dev.custody.access;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ledger.SuspensionCause;
import dev.custody.store.MetadataStore;
import dev.custody.store.Repositories;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The sign-in throttle across accounts, against password spraying (a few common passwords tried on
 * many accounts, each staying under the per-account lock-out). After {@link
 * #MAX_FAILURES_PER_ADDRESS} failed sign-ins from one client address within {@link #WINDOW} of the
 * first, whatever usernames they named (existing or not), every sign-in from that address is
 * refused {@code RATE_LIMITED} until the window ends. The refusal comes before any username or
 * password is looked at, so it says nothing about any account, and it counts nothing. The counts
 * live in the database: every node sharing it throttles together. The moment an address is
 * throttled is logged to the ledger as {@code PrincipalSuspended(SIGN_IN_FAILURES)}, naming the
 * address by {@link ClientAddress#ledgerId()}.
 */
public final class SignInThrottle {
    public static final int MAX_FAILURES_PER_ADDRESS = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    private static final AddressWindows.Limit LIMIT =
            new AddressWindows.Limit(MAX_FAILURES_PER_ADDRESS, SuspensionCause.SIGN_IN_FAILURES, "sign-in-throttling");

    private final MetadataStore metadata;

    SignInThrottle(MetadataStore metadata) {
        this.metadata = requireNonNull(metadata, "metadata is null");
    }

    /** Fails {@code RATE_LIMITED}, with the time left, if the address is throttled at {@code now}. */
    void requireAllowed(ClientAddress from, Instant now) {
        Optional<Instant> until = metadata.inReadTransaction(
                        r -> r.signInFailures().find(from.key()))
                .flatMap(window -> refusedUntil(window, now));
        if (until.isPresent()) {
            throw CustodyException.rateLimited(
                    "too many failed sign-ins from this address; try again later", Duration.between(now, until.get()));
        }
    }

    /** When a window's address may sign in again, if it may not at {@code now}. */
    static Optional<Instant> refusedUntil(FailureWindow window, Instant now) {
        Instant end = window.startedAt().plus(WINDOW);
        return window.failures() >= MAX_FAILURES_PER_ADDRESS && now.isBefore(end) ? Optional.of(end) : Optional.empty();
    }

    /** Counts a failure inside the failed sign-in's transaction; logs the address being throttled. */
    void recordFailure(Repositories repositories, ClientAddress from, Instant now) {
        // Exactly once per window: the failure that reaches the limit (later ones are refused before counting).
        AddressWindows.count(repositories, from.key(), from, LIMIT, now);
    }
}
