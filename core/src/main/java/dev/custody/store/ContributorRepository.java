package dev.custody.store;

import dev.custody.contributor.Contributor;
import dev.custody.contributor.Pseudonym;
import dev.custody.contributor.SealedIdentity;
import dev.custody.keys.WrappedKey;
import java.time.Instant;
import java.util.Optional;

/**
 * Contributors, their sealed identities and their wrapped voice keys. The identity and the key are
 * kept in tables of their own, so the voice tables hold only pseudonyms.
 */
public interface ContributorRepository {
    void insert(Contributor contributor, SealedIdentity identity, WrappedKey voiceKey);

    Optional<Contributor> find(Pseudonym pseudonym);

    Optional<SealedIdentity> identity(Pseudonym pseudonym);

    /** The wrapped voice data-encryption key; empty once the contributor is erased. */
    Optional<WrappedKey> voiceKey(Pseudonym pseudonym);

    /**
     * Deletes the wrapped voice key and the sealed identity and marks the contributor erased.
     * Returns false if there was no such active contributor.
     */
    boolean erase(Pseudonym pseudonym, Instant at);
}
