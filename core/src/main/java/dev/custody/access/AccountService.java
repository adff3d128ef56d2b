package dev.custody.access;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.keys.Argon2Parameters;
import dev.custody.keys.KeyProvider;
import dev.custody.ledger.AccountChange;
import dev.custody.ledger.AccountChanged;
import dev.custody.ledger.PermissionChange;
import dev.custody.ledger.PermissionChanged;
import dev.custody.store.MetadataStore;
import dev.custody.store.Repositories;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Creates and disables accounts. An operator (or the bootstrap administrator) may create an account
 * of any role; a client-admin only data-consumers and client-admins of their own organization. Every
 * change is appended to the ledger in the same transaction: {@code AccountChanged} and, for the role
 * granted, {@code PermissionChanged}. Fails {@code FORBIDDEN}, {@code INVALID_INPUT} (password
 * policy, organization and role mismatch), {@code NOT_FOUND} (organization) or {@code CONFLICT}
 * (username taken).
 */
public final class AccountService {
    /** OWASP's first Argon2id recommendation: 19 MiB, 2 passes, 1 lane (tens of milliseconds). */
    public static final Argon2Parameters PASSWORD_HASHING = new Argon2Parameters(19 * 1024, 2, 1);

    private static final Set<Role> MAY_MANAGE = Set.of(Role.OPERATOR, Role.BOOTSTRAP_ADMIN, Role.CLIENT_ADMIN);
    private static final Set<Role> CLIENT_ADMIN_MAY_CREATE = Set.of(Role.DATA_CONSUMER, Role.CLIENT_ADMIN);
    private static final Set<Role> MAY_DISABLE = Set.of(Role.OPERATOR, Role.BOOTSTRAP_ADMIN);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MetadataStore metadata;
    private final TotpSecrets totpSecrets;
    private final Argon2Parameters hashing;
    private final Clock clock;

    public AccountService(MetadataStore metadata, KeyProvider keys, Argon2Parameters hashing, Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.totpSecrets = new TotpSecrets(requireNonNull(keys, "keys is null"));
        this.hashing = requireNonNull(hashing, "hashing is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public CreatedAccount create(Principal caller, NewAccount request) {
        requireNonNull(caller, "caller is null");
        requireNonNull(request, "request is null");
        caller.require(MAY_MANAGE, "create accounts");
        if (caller.role() == Role.CLIENT_ADMIN
                && (!CLIENT_ADMIN_MAY_CREATE.contains(request.role())
                        || !request.organization().equals(caller.organization()))) {
            throw new CustodyException(ErrorCode.FORBIDDEN, "not allowed to create this account");
        }
        if (request.role() == Role.BOOTSTRAP_ADMIN) {
            throw CustodyException.invalidInput("the bootstrap administrator has no account");
        }
        if (request.role() == Role.CONTRIBUTOR) {
            // A contributor account is born linked to its pseudonym: see ContributorSignUp.
            throw CustodyException.invalidInput("contributors sign up themselves");
        }
        PasswordPolicy.standard().check(request.username(), request.password());
        AccountId id = AccountId.random();
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        PasswordHash hash = PasswordHash.of(request.password(), salt, hashing);
        byte[] secret = request.role().requiresTotp() ? TotpSecrets.generate() : new byte[0];
        try {
            var account = Account.create(
                    id,
                    request.username(),
                    request.role(),
                    request.organization(),
                    hash,
                    secret.length == 0 ? Optional.empty() : Optional.of(totpSecrets.seal(id, secret)),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS));
            metadata.useTransaction(repositories -> {
                request.organization()
                        .ifPresent(org -> repositories
                                .organizations()
                                .find(org)
                                .orElseThrow(() -> CustodyException.notFound("no such organization")));
                repositories.accounts().insert(account);
                log(repositories, caller, new AccountChanged(id.value(), AccountChange.CREATED));
                log(
                        repositories,
                        caller,
                        new PermissionChanged(
                                id.value(), account.role().actorRole(), PermissionChange.GRANTED, scope(account)));
            });
            Optional<String> enrolment = secret.length == 0
                    ? Optional.empty()
                    : Optional.of("otpauth://totp/Custody:" + request.username() + "?secret=" + Base32.encode(secret)
                            + "&issuer=Custody&algorithm=SHA1&digits=6&period=30");
            return new CreatedAccount(account, enrolment);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** Disables the account and revokes every token it holds, in one transaction. */
    public void disable(Principal caller, AccountId id) {
        caller.require(MAY_DISABLE, "disable accounts");
        metadata.useTransaction(repositories -> {
            Account account =
                    repositories.accounts().find(id).orElseThrow(() -> CustodyException.notFound("no such account"));
            repositories.accounts().update(account.withDisabled(true));
            repositories.accessTokens().revokeAll(id.value(), clock.instant());
            log(repositories, caller, new AccountChanged(id.value(), AccountChange.DISABLED));
            log(
                    repositories,
                    caller,
                    new PermissionChanged(
                            id.value(), account.role().actorRole(), PermissionChange.REVOKED, scope(account)));
        });
    }

    static String scope(Account account) {
        return account.organization().map(org -> org.value()).orElse("platform");
    }

    private void log(Repositories repositories, Principal caller, dev.custody.ledger.LedgerEvent event) {
        repositories.ledger().append(event, caller.actor(), "administration", caller.requestId(), clock.instant());
    }
}
