package dev.custody.access;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Sha256;
import dev.custody.ledger.AccountChange;
import dev.custody.ledger.AccountChanged;
import dev.custody.ledger.Actor;
import dev.custody.store.MetadataStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The bootstrap administrator's bearer token: 256 random bits, shown once when the installation is
 * created and stored only as its SHA-256. Presented tokens are hashed and compared in constant
 * time.
 */
public final class BootstrapToken {
    static final String SETTING = "bootstrap_token_sha256";
    // Kept in place of the hash, so that a retired token is never issued again either.
    private static final String RETIRED = "retired";
    private static final String PREFIX = "cst_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MetadataStore metadata;
    private final Clock clock;

    public BootstrapToken(MetadataStore metadata, Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Issues the token if none was issued yet, returning it; empty if it already exists. */
    public Optional<String> issueOnce() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return metadata.inTransaction(repositories -> {
            if (repositories.settings().get(SETTING).isPresent()) {
                return Optional.empty();
            }
            repositories.settings().put(SETTING, Sha256.of(token).hex());
            repositories
                    .ledger()
                    .append(
                            new AccountChanged("admin", AccountChange.CREATED),
                            Actor.system(),
                            "bootstrap",
                            Principal.newRequestId(),
                            clock.instant());
            return Optional.of(token);
        });
    }

    /** Whether this installation's token was ever issued (retired or not): false only on a fresh database. */
    public boolean wasIssued() {
        return metadata.inReadTransaction(r -> r.settings().get(SETTING)).isPresent();
    }

    /**
     * Retires the token for good: from then on only accounts sign in. For an operator (or the bootstrap
     * administrator itself) once the first operator account runs the platform; logged.
     */
    public void retire(Principal caller) {
        requireNonNull(caller, "caller is null");
        caller.require(java.util.Set.of(Role.OPERATOR, Role.BOOTSTRAP_ADMIN), "retire the bootstrap token");
        metadata.useTransaction(repositories -> {
            repositories.settings().put(SETTING, RETIRED);
            repositories
                    .ledger()
                    .append(
                            new AccountChanged("admin", AccountChange.DISABLED),
                            caller.actor(),
                            "bootstrap",
                            caller.requestId(),
                            clock.instant());
        });
    }

    /** The principal a presented token stands for; UNAUTHENTICATED for anything else. */
    public Principal authenticate(String presented) {
        requireNonNull(presented, "presented is null");
        byte[] expected = metadata.inReadTransaction(
                        repositories -> repositories.settings().get(SETTING))
                .filter(hash -> !hash.equals(RETIRED))
                .map(HexFormat.of()::parseHex)
                .orElseThrow(BootstrapToken::unauthenticated);
        if (presented.length() > 200
                || !MessageDigest.isEqual(expected, Sha256.of(presented).toArray())) {
            throw unauthenticated();
        }
        return Principal.bootstrapAdmin();
    }

    private static CustodyException unauthenticated() {
        return new CustodyException(ErrorCode.UNAUTHENTICATED, "a valid bearer token is required");
    }
}
