package dev.custody.store;

import dev.custody.Bytes;
import dev.custody.access.AccessToken;
import dev.custody.access.TokenId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Session and API tokens, found by the SHA-256 of their secret; the secret itself is never stored. */
public interface AccessTokenRepository {
    void insert(AccessToken token);

    Optional<AccessToken> findBySecretHash(Bytes secretHash);

    /** A principal's tokens, revoked and expired ones included, newest first. */
    List<AccessToken> listFor(String principalId);

    void touch(TokenId id, Instant lastUsedAt);

    /** Revokes a live token of this principal; false if there is none (absent, another's, or revoked). */
    boolean revoke(TokenId id, String principalId, Instant revokedAt);

    /** Revokes every live token of the principal; returns how many. */
    int revokeAll(String principalId, Instant revokedAt);
}
