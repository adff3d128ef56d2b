package dev.custody.contributor;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.blob.BlobId;
import dev.custody.blob.BlobReaper;
import dev.custody.ledger.ErasureCause;
import dev.custody.store.MetadataStore;
import dev.custody.store.Repositories;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Crypto-shredding, and everything that follows it. {@link #erase} erases a contributor at a
 * security officer's order; withdrawal and retention erase through {@link #inErasingTransaction}.
 * Either way, from the commit on every read of an erased clip fails with {@code ERASED}, even of
 * ciphertext copied earlier: without the key it is noise. Then, before the caller returns (so
 * before any acknowledgment):
 *
 * <ol>
 *   <li>{@link MetadataStore#purgeDeleted}: no copy of the store's files taken from then on holds
 *       the erased voice keys, sealed identities or erased clips' key headers;
 *   <li>the follow-up ({@link #followUp}): the clips of erased contributors are marked erased and
 *       their key headers deleted, batch by batch, the store is purged again, and the erased clips'
 *       blobs are deleted ({@link BlobReaper}); at once, or on a serving node in the background once
 *       {@link #followUpInBackground} was asked.
 * </ol>
 *
 * <p>So a contributor's erasure is acknowledged in O(1): one key row, the identity, the state and a
 * ledger entry. Until the background pass has run, the key headers of their clips remain in the
 * store (and in copies of it), which is harmless: a header only salts the derivation of a clip's
 * key from the contributor's key, which is gone.
 */
public final class ErasureService {
    private static final Set<Role> MAY_ERASE = Set.of(Role.SECURITY_OFFICER, Role.BOOTSTRAP_ADMIN);
    private static final int CONTRIBUTORS_PER_READ = 20;
    private static final int CLIPS_PER_BATCH = 500;

    private final MetadataStore metadata;
    private final BlobReaper reaper;
    private final Clock clock;
    private volatile Runnable askFollowUp = this::followUp;

    public ErasureService(MetadataStore metadata, BlobReaper reaper, Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.reaper = requireNonNull(reaper, "reaper is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Erases the contributor and returns how many clips became unreadable. */
    public int erase(Principal caller, Pseudonym contributor) {
        caller.require(MAY_ERASE, "erase contributors");
        return inErasingTransaction(caller, "erasure", clock.instant(), (repositories, erase) -> {
            var existing = repositories
                    .contributors()
                    .find(contributor)
                    .orElseThrow(() -> CustodyException.notFound("no such contributor"));
            if (existing.state() == ContributorState.ERASED) {
                throw alreadyErased();
            }
            // Erasure at a contributor's request is the withdrawal of their consent.
            return erase.contributor(contributor, ErasureCause.CONSENT_WITHDRAWN)
                    .orElseThrow(ErasureService::alreadyErased);
        });
    }

    public static CustodyException alreadyErased() {
        return new CustodyException(ErrorCode.ERASED, "the contributor was already erased");
    }

    /**
     * Runs work that may erase, in one transaction, with the erasures logged under {@code caller}
     * and {@code purpose}; once it commits, purges the store's files and runs or asks for the
     * follow-up. The caller authorizes.
     *
     * @throws CustodyException STORAGE_UNAVAILABLE if the purge could not finish: the erasures
     *     stand, but copies of the files taken now may still hold their bytes
     */
    public <T> T inErasingTransaction(Principal caller, String purpose, Instant now, ErasingWork<T> work) {
        requireNonNull(work, "work is null");
        T result = metadata.inTransaction(
                repositories -> work.run(repositories, new Erasures(repositories, caller, purpose, now)));
        metadata.purgeDeleted();
        askFollowUp.run();
        return result;
    }

    /**
     * From now on the follow-up of an erasure is asked of {@code wake} instead of done before the
     * erasing call returns; {@code wake} must see that {@link #followUp} runs soon (a serving
     * node's background jobs, which also run it on a schedule, so a crash loses nothing).
     */
    public void followUpInBackground(Runnable wake) {
        this.askFollowUp = requireNonNull(wake, "wake is null");
    }

    /**
     * Marks the clips of erased contributors erased (deleting their key headers), purges the store
     * if it did, and deletes the blobs of erased clips; returns how many blobs. Idempotent and
     * resumable: the work left is read from the database, in batches of one transaction each.
     */
    public int followUp() {
        if (markClipsOfErasedContributors()) {
            metadata.purgeDeleted();
        }
        return reaper.drain();
    }

    private boolean markClipsOfErasedContributors() {
        boolean marked = false;
        List<Pseudonym> pending;
        do {
            pending = metadata.inTransaction(r -> r.contributors().clipErasuresPending(CONTRIBUTORS_PER_READ));
            for (Pseudonym contributor : pending) {
                markClipsOf(contributor);
                marked = true;
            }
        } while (pending.size() == CONTRIBUTORS_PER_READ);
        return marked;
    }

    private void markClipsOf(Pseudonym contributor) {
        int batch;
        do {
            batch = metadata.inTransaction(repositories -> {
                List<BlobId> blobs = repositories.clips().erase(contributor, CLIPS_PER_BATCH);
                repositories.blobDeletions().enqueueAll(blobs, clock.instant());
                if (blobs.size() < CLIPS_PER_BATCH) {
                    // Reviewers' notes may describe the voice: they go with it.
                    repositories.reviews().forgetNotes(contributor);
                    repositories.contributors().clipErasureDone(contributor);
                }
                return blobs.size();
            });
        } while (batch == CLIPS_PER_BATCH);
    }

    /** Work done in an erasing transaction. */
    @FunctionalInterface
    public interface ErasingWork<T> {
        T run(Repositories repositories, Erasures erase);
    }
}
