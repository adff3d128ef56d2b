package dev.custody.store;

import dev.custody.contributor.Contributor;
import dev.custody.contributor.Pseudonym;
import dev.custody.contributor.SealedIdentity;
import dev.custody.keys.WrappedKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Contributors, their sealed identities and their wrapped voice keys. The identity and the key are
 * kept in tables of their own, so the voice tables hold only pseudonyms.
 */
public interface ContributorRepository {
    /** Stores the contributor; registration is their first activity (see {@link #recordActivity}). */
    void insert(Contributor contributor, SealedIdentity identity, WrappedKey voiceKey);

    Optional<Contributor> find(Pseudonym pseudonym);

    Optional<SealedIdentity> identity(Pseudonym pseudonym);

    /** The wrapped voice data-encryption key; empty once the contributor is erased. */
    Optional<WrappedKey> voiceKey(Pseudonym pseudonym);

    /**
     * Deletes the wrapped voice key and the sealed identity, marks the contributor erased and
     * queues the marking of their clips ({@link #clipErasuresPending}). Returns false if there was
     * no such active contributor.
     */
    boolean erase(Pseudonym pseudonym, Instant at);

    /** Up to {@code limit} erased contributors whose clips are not yet all marked erased, oldest first. */
    List<Pseudonym> clipErasuresPending(int limit);

    /** Records that every clip of the erased contributor is marked erased. */
    void clipErasureDone(Pseudonym pseudonym);

    /**
     * Records that the contributor was active at {@code at}, in the transaction of the activity
     * itself; an earlier time than the one recorded changes nothing, nor does an erased contributor.
     * Activity is what a contributor does themselves: registering, giving consent, uploading a clip.
     * Signing in is to count too, once a contributor's sign-in resolves their pseudonym: it calls
     * this. Contributors inactive for 3 years are erased ({@code RetentionService}).
     */
    void recordActivity(Pseudonym pseudonym, Instant at);

    /**
     * Up to {@code limit} active contributors whose last activity was before {@code cutoff}: the
     * longest inactive first. Reads an index of the active contributors, never the whole table.
     */
    List<Pseudonym> inactiveSince(Instant cutoff, int limit);
}
