package dev.custody.access;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ledger.SuspensionCause;
import dev.custody.store.MetadataStore;
import java.time.Duration;
import java.time.Instant;

/**
 * Bounds the accounts one client address can create: anyone may sign up, and each sign-up costs
 * an Argon2id hash and leaves an account, so an unbounded stream of them would be both a way to
 * exhaust the server and a way to fill it. An address may sign up {@value #MAX_SIGN_UPS_PER_ADDRESS}
 * times per window; after that it is refused {@code RATE_LIMITED} until the window ends, and the
 * ledger records the address (by {@link ClientAddress#ledgerId()}) once per window.
 *
 * <p>The counts live in the sign-in throttle's table under {@link ClientAddress#signUpKey()}, with
 * the same window length, since a failed sign-in purges every window older than that.
 */
public final class SignUpThrottle {
    public static final int MAX_SIGN_UPS_PER_ADDRESS = 5;
    public static final Duration WINDOW = SignInThrottle.WINDOW;
    private static final AddressWindows.Limit LIMIT =
            new AddressWindows.Limit(MAX_SIGN_UPS_PER_ADDRESS, SuspensionCause.SIGN_UPS, "sign-up-throttling");

    private final MetadataStore metadata;

    public SignUpThrottle(MetadataStore metadata) {
        this.metadata = requireNonNull(metadata, "metadata is null");
    }

    /**
     * Counts a sign-up from {@code from} at {@code now}, or refuses it without counting.
     *
     * @throws CustodyException RATE_LIMITED, with the time left, once the address has used its window
     */
    void admit(ClientAddress from, Instant now) {
        requireNonNull(from, "from is null");
        metadata.useTransaction(repositories -> {
            FailureWindow window = AddressWindows.count(repositories, from.signUpKey(), from, LIMIT, now);
            if (window.failures() > MAX_SIGN_UPS_PER_ADDRESS) {
                // Thrown inside the transaction, so the refused attempt is not counted.
                throw CustodyException.rateLimited(
                        "too many sign-ups from this address; try again later",
                        Duration.between(now, window.startedAt().plus(WINDOW)));
            }
        });
    }
}
