package dev.custody.contributor;

import dev.custody.access.Principal;
import dev.custody.blob.BlobId;
import dev.custody.clip.Clip;
import dev.custody.clip.ClipId;
import dev.custody.clip.ClipState;
import dev.custody.ledger.ClipErased;
import dev.custody.ledger.ContributorErased;
import dev.custody.ledger.ErasureCause;
import dev.custody.store.Repositories;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The erasures one transaction may make, each logged with its cause under the caller and purpose
 * of the transaction. Only {@link ErasureService#inErasingTransaction} hands one out, so that what
 * must follow an erasure (the purge of the store's files before it is acknowledged, the deletion
 * of its blobs) always does.
 */
public final class Erasures {
    private final Repositories repositories;
    private final Principal caller;
    private final String purpose;
    private final Instant now;

    Erasures(Repositories repositories, Principal caller, String purpose, Instant now) {
        this.repositories = repositories;
        this.caller = caller;
        this.purpose = purpose;
        this.now = now;
    }

    /**
     * Erases the contributor in a constant number of rows, whatever their number of clips: deletes
     * their voice key and sealed identity (and the names they signed consents with), withdraws their
     * consents, marks them erased and logs {@code ContributorErased}. Every clip of theirs reads
     * {@code ERASED} from the commit on (derived from the contributor's state); marking each one,
     * deleting its key header (useless without the key), forgetting reviewers' notes on it and
     * queueing its blob are left to {@link ErasureService#followUp}. Returns how many clips became
     * unreadable, or empty, changing nothing, if the contributor is absent or already erased.
     */
    public OptionalInt contributor(Pseudonym contributor, ErasureCause cause) {
        if (!repositories.contributors().erase(contributor, now)) {
            return OptionalInt.empty();
        }
        repositories.consents().withdrawAll(contributor, now);
        repositories.consents().forgetSignerNames(contributor);
        long clips = repositories.clips().countNotMarkedErased(contributor);
        repositories
                .ledger()
                .append(new ContributorErased(contributor, cause), caller.actor(), purpose, caller.requestId(), now);
        return OptionalInt.of(Math.toIntExact(clips));
    }

    /**
     * Erases one clip: deletes its key header (so even copied ciphertext stays noise), queues its
     * blob and logs {@code ClipErased}. Returns false, changing nothing, if the clip is absent or
     * already erased. A clip whose contributor was erased, not yet marked, is marked here (so that
     * a retention run makes progress) but neither logged nor counted again: that erasure was.
     */
    public boolean clip(ClipId id, ErasureCause cause) {
        Optional<Clip> clip = repositories.clips().find(id);
        Optional<BlobId> blob =
                clip.isEmpty() ? Optional.empty() : repositories.clips().erase(id);
        if (blob.isEmpty()) {
            return false;
        }
        repositories.blobDeletions().enqueueAll(List.of(blob.get()), now);
        repositories.reviews().forgetNotes(id);
        if (clip.get().state() == ClipState.ERASED) {
            return false;
        }
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
