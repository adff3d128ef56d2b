package dev.custody.contributor;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.blob.BlobId;
import dev.custody.clip.Clip;
import dev.custody.clip.ClipId;
import dev.custody.ledger.ClipErased;
import dev.custody.ledger.ContributorErased;
import dev.custody.ledger.ErasureCause;
import dev.custody.store.MetadataStore;
import dev.custody.store.Repositories;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Crypto-shredding. In one transaction it deletes the contributor's wrapped voice key and sealed
 * identity, marks them and their clips erased, and queues the clips' blobs for deletion. From the
 * commit on, every read of any of their clips fails with {@code ERASED}, even of ciphertext copied
 * earlier: without the key it is noise. The blobs themselves are deleted in the background by
 * {@link dev.custody.blob.BlobReaper}. {@link #eraseClip} erases a single clip the same way, by
 * deleting the key header without which its clip key cannot be derived; it and {@link
 * #eraseContributor} work inside the caller's transaction and log the cause they are given.
 */
public final class ErasureService {
    private static final Set<Role> MAY_ERASE = Set.of(Role.SECURITY_OFFICER, Role.BOOTSTRAP_ADMIN);

    private final MetadataStore metadata;
    private final Clock clock;

    public ErasureService(MetadataStore metadata, Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Erases the contributor and returns how many clips became unreadable. */
    public int erase(Principal caller, Pseudonym contributor) {
        caller.require(MAY_ERASE, "erase contributors");
        Instant now = clock.instant();
        int erased = metadata.inTransaction(repositories -> {
            var existing = repositories
                    .contributors()
                    .find(contributor)
                    .orElseThrow(() -> CustodyException.notFound("no such contributor"));
            if (existing.state() == ContributorState.ERASED) {
                throw alreadyErased();
            }
            // Erasure at a contributor's request is the withdrawal of their consent.
            return eraseContributor(repositories, contributor, ErasureCause.CONSENT_WITHDRAWN, caller, "erasure", now)
                    .orElseThrow(ErasureService::alreadyErased);
        });
        metadata.purgeDeleted();
        return erased;
    }

    public static CustodyException alreadyErased() {
        return new CustodyException(ErrorCode.ERASED, "the contributor was already erased");
    }

    /**
     * Erases the contributor inside the caller's transaction: deletes their voice key and sealed
     * identity (and the names they signed consents with), withdraws their consents, marks them and
     * their clips erased, forgets reviewers' notes on those clips, queues the blobs and logs {@code
     * ContributorErased} with its cause. Returns how many clips became unreadable, or empty,
     * changing nothing, if the contributor is absent or already erased.
     */
    public static OptionalInt eraseContributor(
            Repositories repositories,
            Pseudonym contributor,
            ErasureCause cause,
            Principal caller,
            String purpose,
            Instant now) {
        if (!repositories.contributors().erase(contributor, now)) {
            return OptionalInt.empty();
        }
        repositories.consents().withdrawAll(contributor, now);
        repositories.consents().forgetSignerNames(contributor);
        List<BlobId> blobs = repositories.clips().erase(contributor);
        // Reviewers' notes may describe the voice: they go with it.
        repositories.reviews().forgetNotes(contributor);
        repositories.blobDeletions().enqueueAll(blobs, now);
        repositories
                .ledger()
                .append(new ContributorErased(contributor, cause), caller.actor(), purpose, caller.requestId(), now);
        return OptionalInt.of(blobs.size());
    }

    /**
     * Erases one clip inside the caller's transaction: deletes its key header (so even copied
     * ciphertext stays noise), queues its blob for deletion and logs the erasure. Returns false,
     * changing nothing, if the clip is absent or already erased.
     */
    public static boolean eraseClip(
            Repositories repositories, ClipId id, ErasureCause cause, Principal caller, String purpose, Instant now) {
        Optional<Clip> clip = repositories.clips().find(id);
        Optional<BlobId> blob =
                clip.isEmpty() ? Optional.empty() : repositories.clips().erase(id);
        if (blob.isEmpty()) {
            return false;
        }
        repositories.blobDeletions().enqueueAll(List.of(blob.get()), now);
        repositories.reviews().forgetNotes(id);
        repositories
                .ledger()
                .append(
                        new ClipErased(id, clip.get().contributor(), clip.get().project(), cause),
                        caller.actor(),
                        purpose,
                        caller.requestId(),
                        now);
        return true;
    }
}
