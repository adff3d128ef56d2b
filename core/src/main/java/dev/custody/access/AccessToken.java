package dev.custody.access;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.project.OrganizationId;
import java.time.Instant;
import java.util.Optional;

/**
 * A stored session or API token: never the secret, only its SHA-256 (the secret is 256 random
 * bits, so a plain hash is as strong as a slow one); the principal it stands for, scoped to one role
 * and the organization of a client role; when it expires, when it was last used, and whether it was
 * revoked. The constructor throws {@code INVALID_INPUT} if the organization does not match the role
 * or the hash is not 32 bytes.
 */
public record AccessToken(
        TokenId id,
        Bytes secretHash,
        String principalId,
        Role role,
        Optional<OrganizationId> organization,
        TokenKind kind,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Optional<Instant> revokedAt) {
    public AccessToken {
        requireNonNull(id, "id is null");
        requireNonNull(secretHash, "secretHash is null");
        requireNonNull(principalId, "principalId is null");
        requireNonNull(role, "role is null");
        requireNonNull(organization, "organization is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(expiresAt, "expiresAt is null");
        requireNonNull(lastUsedAt, "lastUsedAt is null");
        requireNonNull(revokedAt, "revokedAt is null");
        if (secretHash.length() != 32) {
            throw CustodyException.invalidInput("a token hash is 32 bytes");
        }
        if (role.inOrganization() != organization.isPresent()) {
            throw CustodyException.invalidInput("a token's organization must match its role");
        }
    }

    public Principal principal(String requestId) {
        return new Principal(principalId, role, organization, requestId);
    }
}
