package dev.custody.access;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.contributor.Pseudonym;
import dev.custody.keys.Argon2Parameters;
import dev.custody.keys.KeyProvider;
import dev.custody.ledger.AccountChange;
import dev.custody.ledger.AccountChanged;
import dev.custody.ledger.Actor;
import dev.custody.store.MetadataStore;
import dev.custody.store.Repositories;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Signs a person in with username, password and (for roles that need it) a TOTP code, and issues a
 * session: a bearer session token, or for a browser a web session carried in a cookie. Throttled
 * per account: after {@link #MAX_FAILURES} failures in a row the account refuses every sign-in for
 * {@link #LOCK_OUT}, the lock-out logged as {@code AccountChanged}; and per client address, across
 * accounts, by {@link SignInThrottle} ({@code RATE_LIMITED}). Every other refusal is the same {@code
 * UNAUTHENTICATED "sign-in failed"}, whether the username is unknown, the password or code wrong, or
 * the account locked or disabled, so a caller learns nothing about which accounts exist; an unknown
 * username costs the same hashing time as a known one. One exception, told only to whoever gives the
 * right password: a contributor whose pseudonym was erased is refused {@code ERASED} with the date
 * (see {@link ErasedContributors}). Malformed input fails {@code INVALID_INPUT}
 * before anything is looked up or counted. A refused sign-in changes nothing but the failure counts.
 */
public final class SignIn {
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK_OUT = Duration.ofMinutes(15);
    private static final long NO_TOTP = -1;
    private static final Pattern TOTP_CODE = Pattern.compile("[0-9]{6}");

    private final MetadataStore metadata;
    private final TotpSecrets totpSecrets;
    private final ContributorLinks links;
    private final ErasedContributors erased;
    private final AccessTokens tokens;
    private final SignInThrottle throttle;
    private final PasswordHash decoy;
    private final Clock clock;

    public SignIn(
            MetadataStore metadata, KeyProvider keys, AccessTokens tokens, Argon2Parameters hashing, Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.totpSecrets = new TotpSecrets(requireNonNull(keys, "keys is null"));
        this.links = new ContributorLinks(keys);
        this.erased = new ErasedContributors(metadata);
        this.tokens = requireNonNull(tokens, "tokens is null");
        this.throttle = new SignInThrottle(metadata);
        this.decoy = PasswordHash.of("decoy password, never matched", new byte[16], hashing);
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Signs in for a bearer session token. */
    public IssuedToken signIn(String username, String password, Optional<String> totp, ClientAddress from) {
        return signIn(username, password, totp, from, TokenKind.SESSION, List.of());
    }

    /**
     * Signs a browser in for a web session. The sessions of the cookies it presented are revoked in
     * the same transaction, whoever they belong to: a session is always new at sign-in, and one
     * planted in the browser beforehand (session fixation) never outlives it.
     */
    public IssuedToken signInBrowser(
            String username, String password, Optional<String> totp, ClientAddress from, List<String> presented) {
        requireNonNull(presented, "presented is null");
        return signIn(username, password, totp, from, TokenKind.WEB_SESSION, List.copyOf(presented));
    }

    private IssuedToken signIn(
            String username,
            String password,
            Optional<String> totp,
            ClientAddress from,
            TokenKind kind,
            List<String> presented) {
        requireNonNull(username, "username is null");
        requireNonNull(password, "password is null");
        requireNonNull(totp, "totp is null");
        requireNonNull(from, "from is null");
        var name = new Username(username);
        if (password.isEmpty() || password.length() > PasswordPolicy.MAX_LENGTH) {
            throw CustodyException.invalidInput("a password is 1 to 256 characters long");
        }
        if (totp.isPresent() && !TOTP_CODE.matcher(totp.get()).matches()) {
            throw CustodyException.invalidInput("a TOTP code is 6 digits");
        }
        Instant now = clock.instant();
        throttle.requireAllowed(from, now);
        Optional<Account> found = metadata.inReadTransaction(r -> r.accounts().findByUsername(name));
        if (found.isEmpty() || found.get().lockedAt(now)) {
            decoy.matches(password);
            recordFailure(Optional.empty(), from, now);
            throw failed();
        }
        if (found.get().disabled()) {
            // The same hashing as any account; only the right password learns why it is refused.
            if (found.get().password().matches(password)) {
                erasedAt(found.get()).ifPresent(at -> {
                    throw ErasedContributors.refusal(at);
                });
            }
            recordFailure(Optional.empty(), from, now);
            throw failed();
        }
        Account account = found.get();
        OptionalLong step =
                account.password().matches(password) ? secondFactor(account, totp, now) : OptionalLong.empty();
        if (step.isEmpty()) {
            recordFailure(Optional.of(account.id()), from, now);
            throw failed();
        }
        // Opened before the transaction: a key provider call has no place on the database's writer.
        Optional<Pseudonym> contributor = contributorOf(account);
        if (contributor.isPresent()) {
            Optional<Instant> erasedAt = erased.erasedAt(contributor.get());
            if (erasedAt.isPresent()) {
                throw erased.close(account.id(), contributor.get(), erasedAt.get(), now);
            }
        }
        List<AccessTokens.PresentedSession> planted = tokens.presentedSessions(presented);
        return metadata.inTransaction(repositories -> {
            Account current = repositories.accounts().find(account.id()).orElseThrow(SignIn::failed);
            boolean replayed = step.getAsLong() != NO_TOTP && step.getAsLong() <= current.lastTotpStep();
            if (current.disabled() || current.lockedAt(now) || replayed) {
                throw failed();
            }
            repositories.accounts().update(current.signedIn(step.getAsLong()));
            // Signing in is activity: a contributor who keeps signing in is not erased as inactive.
            contributor.ifPresent(pseudonym -> repositories.contributors().recordActivity(pseudonym, now));
            tokens.revokeSessions(repositories, planted, now);
            return tokens.issueSession(repositories, current, kind, now);
        });
    }

    private Optional<Instant> erasedAt(Account account) {
        return contributorOf(account).flatMap(erased::erasedAt);
    }

    private Optional<Pseudonym> contributorOf(Account account) {
        if (account.role() != Role.CONTRIBUTOR) {
            return Optional.empty();
        }
        return metadata.inReadTransaction(r -> r.accounts().contributorLink(account.id()))
                .map(link -> links.open(account.id(), link));
    }

    /** The TOTP step used (-1 for a role without TOTP); empty if the code is missing, wrong or replayed. */
    private OptionalLong secondFactor(Account account, Optional<String> totp, Instant now) {
        if (!account.role().requiresTotp()) {
            return OptionalLong.of(NO_TOTP);
        }
        if (totp.isEmpty() || account.totpSecret().isEmpty()) {
            return OptionalLong.empty();
        }
        byte[] secret = totpSecrets.open(account.id(), account.totpSecret().get());
        try {
            OptionalLong step = Totp.verify(secret, totp.get(), now);
            // A code already used (or an older one) is refused: an eavesdropped code cannot be replayed.
            return step.isPresent() && step.getAsLong() > account.lastTotpStep() ? step : OptionalLong.empty();
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /**
     * Asks a signed-in person for their password again before an act that cannot be undone (deleting
     * their account), so a stolen token alone cannot do it. A wrong password counts as a failed
     * sign-in: it feeds the throttle and the lock-out. Fails {@code UNAUTHENTICATED} otherwise.
     */
    public void confirmPassword(AccountId id, String password, ClientAddress from) {
        requireNonNull(id, "id is null");
        requireNonNull(password, "password is null");
        requireNonNull(from, "from is null");
        if (password.isEmpty() || password.length() > PasswordPolicy.MAX_LENGTH) {
            throw CustodyException.invalidInput("a password is 1 to 256 characters long");
        }
        Instant now = clock.instant();
        throttle.requireAllowed(from, now);
        Account account = metadata.inReadTransaction(r -> r.accounts().find(id)).orElseThrow(SignIn::failed);
        if (account.disabled() || account.lockedAt(now)) {
            throw failed();
        }
        if (!account.password().matches(password)) {
            recordFailure(Optional.of(id), from, now);
            throw failed();
        }
    }

    /** Counts a failure against the client address and, if it named one, the account. */
    private void recordFailure(Optional<AccountId> account, ClientAddress from, Instant now) {
        metadata.useTransaction(repositories -> {
            throttle.recordFailure(repositories, from, now);
            account.ifPresent(id -> recordAccountFailure(repositories, id, now));
        });
    }

    private static void recordAccountFailure(Repositories repositories, AccountId id, Instant now) {
        Account current = repositories.accounts().find(id).orElseThrow(SignIn::failed);
        int failures = current.failedAttempts() + 1;
        if (failures < MAX_FAILURES) {
            repositories.accounts().update(current.withFailures(failures, Optional.empty()));
            return;
        }
        repositories.accounts().update(current.withFailures(0, Optional.of(now.plus(LOCK_OUT))));
        repositories
                .ledger()
                .append(
                        new AccountChanged(id.value(), AccountChange.LOCKED_OUT),
                        Actor.system(),
                        "sign-in-throttling",
                        Principal.newRequestId(),
                        now);
    }

    private static CustodyException failed() {
        return new CustodyException(ErrorCode.UNAUTHENTICATED, "sign-in failed");
    }
}
