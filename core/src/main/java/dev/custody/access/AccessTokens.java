package dev.custody.access;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Sha256;
import dev.custody.contributor.Pseudonym;
import dev.custody.keys.WrappedKey;
import dev.custody.ledger.Actor;
import dev.custody.ledger.PermissionChange;
import dev.custody.ledger.PermissionChanged;
import dev.custody.store.MetadataStore;
import dev.custody.store.Repositories;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tokens: issues session, web-session and API tokens, authenticates every presented token (the
 * bootstrap token included) into a {@link Principal}, lists and revokes them. A token's secret is a
 * prefix and 256 random bits, shown once; only its SHA-256 is stored and looked up. A session (bearer
 * or browser) lasts at most {@link #SESSION_LIFETIME} and ends after {@link #SESSION_IDLE} unused; an
 * API token lasts what its issuer chose, at most {@link #MAX_API_LIFETIME}. Web-session secrets
 * authenticate only through {@link #authenticateWebSession} (a cookie), every other secret only
 * through {@link #authenticate} (a bearer header). Both throw {@code UNAUTHENTICATED} for anything
 * forged, expired, revoked, of the other kind, or held by a disabled account; presenting a real token
 * that is no longer live is also logged to the ledger ({@code PermissionChanged(DENIED)} naming the
 * token, purpose {@code authentication}).
 */
public final class AccessTokens {
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    public static final Duration SESSION_IDLE = Duration.ofMinutes(30);
    public static final Duration MIN_API_LIFETIME = Duration.ofMinutes(5);
    public static final Duration MAX_API_LIFETIME = Duration.ofDays(365);
    static final String SESSION_PREFIX = "css_";
    static final String API_PREFIX = "cta_";
    private static final String WEB_SESSION_PREFIX = "csw_";
    private static final String BOOTSTRAP_PREFIX = "cst_";
    private static final int MAX_PRESENTED = 200;
    // Recording each use would make every request a write; a minute is precise enough for listings
    // and for the idle timeout.
    private static final Duration TOUCH_GRANULARITY = Duration.ofMinutes(1);
    private static final Set<Role> MAY_HOLD_API_TOKENS = Set.of(
            Role.CONTRIBUTOR,
            Role.CLIENT_ADMIN,
            Role.DATA_CONSUMER,
            Role.REVIEWER,
            Role.SECURITY_OFFICER,
            Role.OPERATOR,
            Role.AUDITOR);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MetadataStore metadata;
    private final BootstrapToken bootstrap;
    private final ContributorLinks links;
    private final ErasedContributors erased;
    private final Clock clock;

    public AccessTokens(MetadataStore metadata, BootstrapToken bootstrap, ContributorLinks links, Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.bootstrap = requireNonNull(bootstrap, "bootstrap is null");
        this.links = requireNonNull(links, "links is null");
        this.erased = new ErasedContributors(metadata);
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The principal a presented bearer token stands for. */
    public Principal authenticate(String presented) {
        requireNonNull(presented, "presented is null");
        if (presented.startsWith(BOOTSTRAP_PREFIX)) {
            return bootstrap.authenticate(presented);
        }
        if (presented.startsWith(SESSION_PREFIX)) {
            return authenticate(presented, TokenKind.SESSION);
        }
        return authenticate(presented, TokenKind.API);
    }

    /** The principal a presented session cookie stands for. */
    public Principal authenticateWebSession(String presented) {
        requireNonNull(presented, "presented is null");
        return authenticate(presented, TokenKind.WEB_SESSION);
    }

    private Principal authenticate(String presented, TokenKind kind) {
        Instant now = clock.instant();
        // A forged secret names no one: refused with nothing to record. A real but dead one is
        // recorded against its holder: a revoked or expired token still in use may have been stolen.
        var stored = metadata.inReadTransaction(r -> find(r, presented, kind)
                        .map(token -> new Presented(token, isLive(r, token, now), linkOf(r, token))))
                .orElseThrow(AccessTokens::unauthenticated);
        AccessToken token = stored.token();
        if (!stored.live()) {
            recordRefusal(stored, now);
            throw unauthenticated();
        }
        if (!now.isBefore(token.lastUsedAt().plus(TOUCH_GRANULARITY))) {
            metadata.useTransaction(r -> {
                r.accessTokens().touch(token.id(), now);
            });
        }
        Principal principal = token.principal(Principal.newRequestId());
        if (principal.role() != Role.CONTRIBUTOR) {
            return principal;
        }
        // A contributor acts as their pseudonym; an account without a link acts as no one (fail closed).
        WrappedKey link = stored.link().orElseThrow(AccessTokens::unauthenticated);
        var account = new AccountId(principal.id());
        Pseudonym contributor = links.open(account, link);
        Optional<Instant> erasedAt = erased.erasedAt(contributor);
        if (erasedAt.isPresent()) {
            throw erased.close(account, contributor, erasedAt.get(), now);
        }
        return principal.speakingFor(contributor);
    }

    /** The stored token of this kind whose secret was presented; empty for a forged or malformed one. */
    private static Optional<AccessToken> find(Repositories repositories, String presented, TokenKind kind) {
        if (presented.length() > MAX_PRESENTED || !presented.startsWith(prefix(kind))) {
            return Optional.empty();
        }
        return repositories
                .accessTokens()
                .findBySecretHash(Sha256.of(presented))
                .filter(token -> token.kind() == kind);
    }

    /** A contributor's sealed link, read with the token; opened outside the transaction. */
    private static Optional<WrappedKey> linkOf(Repositories repositories, AccessToken token) {
        return token.role() == Role.CONTRIBUTOR
                ? repositories.accounts().contributorLink(new AccountId(token.principalId()))
                : Optional.empty();
    }

    /**
     * How the ledger names a token's holder: a contributor by pseudonym only, since their account id
     * beside the token id would pair the account with the pseudonym that other entries name. A
     * contributor whose link is gone (a deleted account) is named by the token alone.
     */
    private String ledgerName(AccessToken token, Optional<WrappedKey> link) {
        if (token.role() != Role.CONTRIBUTOR) {
            return token.principalId();
        }
        return link.map(wrapped ->
                        links.open(new AccountId(token.principalId()), wrapped).value())
                .orElse(token.id().value());
    }

    private void recordRefusal(Presented stored, Instant now) {
        AccessToken token = stored.token();
        String name = ledgerName(token, stored.link());
        metadata.useTransaction(r -> {
            logChange(r, token, name, PermissionChange.DENIED, "authentication", now);
        });
    }

    /** Logs a change to a token, its holder named as {@link #ledgerName} says. */
    private static void logChange(
            Repositories repositories,
            AccessToken token,
            String holder,
            PermissionChange change,
            String purpose,
            Instant now) {
        repositories
                .ledger()
                .append(
                        new PermissionChanged(
                                holder,
                                token.role().actorRole(),
                                change,
                                token.id().value()),
                        Actor.system(),
                        purpose,
                        Principal.newRequestId(),
                        now);
    }

    /**
     * The unrevoked web sessions among the secrets a browser presented, each with its holder's ledger
     * name; resolved before the sign-in's transaction, as opening a contributor's link calls the key
     * provider. Forged, dead and other tokens are left out.
     */
    List<PresentedSession> presentedSessions(List<String> presented) {
        List<Map.Entry<AccessToken, Optional<WrappedKey>>> found = metadata.inReadTransaction(r -> presented.stream()
                .flatMap(secret -> find(r, secret, TokenKind.WEB_SESSION).stream())
                .filter(token -> token.revokedAt().isEmpty())
                .map(token -> Map.entry(token, linkOf(r, token)))
                .toList());
        return found.stream()
                .map(pair -> new PresentedSession(pair.getKey(), ledgerName(pair.getKey(), pair.getValue())))
                .toList();
    }

    /**
     * Session rotation, in the sign-in's transaction, against session fixation: revokes each
     * presented session, whoever holds it (holding the secret is enough to end a session), and logs
     * each revocation. A session planted in a browser before signing in never outlives it.
     */
    void revokeSessions(Repositories repositories, List<PresentedSession> sessions, Instant now) {
        for (PresentedSession session : sessions) {
            AccessToken token = session.token();
            if (repositories.accessTokens().revoke(token.id(), token.principalId(), now)) {
                logChange(repositories, token, session.ledgerName(), PermissionChange.REVOKED, "session-rotation", now);
            }
        }
    }

    /** A web session a browser presented at sign-in, and how the ledger names its holder. */
    record PresentedSession(AccessToken token, String ledgerName) {}

    private record Presented(AccessToken token, boolean live, Optional<WrappedKey> link) {}

    /** Issues an API token for the caller's own role and organization, valid for {@code lifetime}. */
    public IssuedToken issueApiToken(Principal caller, Duration lifetime) {
        requireNonNull(caller, "caller is null");
        requireNonNull(lifetime, "lifetime is null");
        caller.require(MAY_HOLD_API_TOKENS, "issue API tokens");
        if (lifetime.compareTo(MIN_API_LIFETIME) < 0 || lifetime.compareTo(MAX_API_LIFETIME) > 0) {
            throw CustodyException.invalidInput("an API token lives 5 minutes to 365 days");
        }
        Instant now = now();
        return metadata.inTransaction(repositories -> {
            var issued = issue(
                    repositories,
                    caller.id(),
                    caller.role(),
                    caller.organization(),
                    TokenKind.API,
                    now,
                    now.plus(lifetime));
            repositories
                    .ledger()
                    .append(
                            // Named as the actor is: a contributor by pseudonym, never by account.
                            new PermissionChanged(
                                    caller.actor().id(),
                                    caller.role().actorRole(),
                                    PermissionChange.GRANTED,
                                    issued.token().id().value()),
                            caller.actor(),
                            "api-token",
                            caller.requestId(),
                            now);
            return issued;
        });
    }

    /** The caller's own tokens, newest first. */
    public List<AccessToken> list(Principal caller) {
        requireNonNull(caller, "caller is null");
        return metadata.inReadTransaction(r -> r.accessTokens().listFor(caller.id()));
    }

    /** Revokes one of the caller's own live tokens; {@code NOT_FOUND} for any other id. */
    public void revoke(Principal caller, TokenId id) {
        requireNonNull(caller, "caller is null");
        requireNonNull(id, "id is null");
        Instant now = clock.instant();
        metadata.useTransaction(repositories -> {
            if (!repositories.accessTokens().revoke(id, caller.id(), now)) {
                throw CustodyException.notFound("no such token");
            }
            repositories
                    .ledger()
                    .append(
                            new PermissionChanged(
                                    caller.actor().id(),
                                    caller.role().actorRole(),
                                    PermissionChange.REVOKED,
                                    id.value()),
                            caller.actor(),
                            "api-token",
                            caller.requestId(),
                            now);
        });
    }

    /** Revokes the presented token itself (signing out); {@code UNAUTHENTICATED} if it is not live. */
    public void revokePresented(Principal caller, String presented) {
        requireNonNull(presented, "presented is null");
        Bytes hash = Sha256.of(presented);
        var token = metadata.inReadTransaction(r -> live(r, hash, clock.instant()))
                .orElseThrow(AccessTokens::unauthenticated);
        revoke(caller, token.id());
    }

    /** Issues a session token ({@code SESSION} or {@code WEB_SESSION}) inside the sign-in's transaction. */
    IssuedToken issueSession(Repositories repositories, Account account, TokenKind kind, Instant signedInAt) {
        if (!kind.endsWhenIdle()) {
            throw new IllegalArgumentException("not a session: " + kind);
        }
        Instant now = signedInAt.truncatedTo(ChronoUnit.MILLIS);
        return issue(
                repositories,
                account.id().value(),
                account.role(),
                account.organization(),
                kind,
                now,
                now.plus(SESSION_LIFETIME));
    }

    private static IssuedToken issue(
            Repositories repositories,
            String principalId,
            Role role,
            Optional<dev.custody.project.OrganizationId> organization,
            TokenKind kind,
            Instant now,
            Instant expires) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = prefix(kind) + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        var token = new AccessToken(
                TokenId.random(),
                Sha256.of(secret),
                principalId,
                role,
                organization,
                kind,
                now,
                expires,
                now,
                Optional.empty());
        repositories.accessTokens().insert(token);
        return new IssuedToken(secret, token);
    }

    private static Optional<AccessToken> live(Repositories repositories, Bytes hash, Instant now) {
        return repositories.accessTokens().findBySecretHash(hash).filter(token -> isLive(repositories, token, now));
    }

    private static boolean isLive(Repositories repositories, AccessToken token, Instant now) {
        boolean idle =
                token.kind().endsWhenIdle() && !now.isBefore(token.lastUsedAt().plus(SESSION_IDLE));
        boolean expired = !now.isBefore(token.expiresAt());
        return token.revokedAt().isEmpty() && !idle && !expired && holderEnabled(repositories, token);
    }

    private static boolean holderEnabled(Repositories repositories, AccessToken token) {
        return repositories
                .accounts()
                .find(new AccountId(token.principalId()))
                .map(account -> !account.disabled())
                .orElse(false);
    }

    private static String prefix(TokenKind kind) {
        return switch (kind) {
            case SESSION -> SESSION_PREFIX;
            case API -> API_PREFIX;
            case WEB_SESSION -> WEB_SESSION_PREFIX;
        };
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static CustodyException unauthenticated() {
        return new CustodyException(ErrorCode.UNAUTHENTICATED, "a valid bearer token or session is required");
    }
}
