package dev.custody.contributor;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A contributor as the voice side sees them: a pseudonym and a state. The identity (name, e-mail)
 * lives elsewhere, encrypted under the identity KEK ({@link SealedIdentity}).
 */
public record Contributor(Pseudonym pseudonym, ContributorState state, Instant createdAt, Optional<Instant> erasedAt) {
    public Contributor {
        requireNonNull(pseudonym, "pseudonym is null");
        requireNonNull(state, "state is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(erasedAt, "erasedAt is null");
        if ((state == ContributorState.ERASED) != erasedAt.isPresent()) {
            throw new IllegalArgumentException("erasedAt must be set exactly when erased");
        }
    }
}
