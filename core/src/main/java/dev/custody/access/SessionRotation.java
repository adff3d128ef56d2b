package dev.custody.access;

import dev.custody.Sha256;
import dev.custody.ledger.Actor;
import dev.custody.ledger.PermissionChange;
import dev.custody.ledger.PermissionChanged;
import dev.custody.store.Repositories;
import java.time.Instant;
import java.util.List;

/**
 * Session rotation at a browser's sign-in, against session fixation: each live web session among
 * the cookies the browser presented is revoked, in the sign-in's own transaction, whoever it
 * belongs to (holding the secret is enough to end a session). A session planted in the browser
 * before signing in therefore never outlives it. Each revocation is logged; anything else
 * presented (forged, dead, or not a web session) is ignored.
 */
final class SessionRotation {
    private SessionRotation() {}

    static void revokePresented(Repositories repositories, List<String> presented, Instant now) {
        for (String secret : presented) {
            if (secret.length() > AccessTokens.MAX_PRESENTED || !secret.startsWith(AccessTokens.WEB_SESSION_PREFIX)) {
                continue;
            }
            var token = repositories
                    .accessTokens()
                    .findBySecretHash(Sha256.of(secret))
                    .filter(found -> found.revokedAt().isEmpty());
            if (token.isPresent()
                    && repositories
                            .accessTokens()
                            .revoke(token.get().id(), token.get().principalId(), now)) {
                repositories
                        .ledger()
                        .append(
                                new PermissionChanged(
                                        token.get().principalId(),
                                        token.get().role().actorRole(),
                                        PermissionChange.REVOKED,
                                        token.get().id().value()),
                                Actor.system(),
                                "session-rotation",
                                Principal.newRequestId(),
                                now);
            }
        }
    }
}
