package dev.custody.store;

import dev.custody.blob.BlobId;
import dev.custody.clip.Clip;
import dev.custody.clip.ClipId;
import dev.custody.clip.ClipState;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

public interface ClipRepository {
    /**
     * Stores the clip with its expiry: its creation time plus its project's retention. Fails
     * NOT_FOUND if the project or the contributor does not exist.
     */
    void insert(Clip clip);

    /**
     * Records the index of the ledger entry that logged the clip's ingest, in the ingest's own
     * transaction. Fails NOT_FOUND if there is no such clip.
     */
    void recordIngestEntry(ClipId clip, long entryIndex);

    /**
     * The ingest entries recorded for these clips, by clip; a clip stored without one (before they
     * were recorded) is absent, and is found by searching the ledger instead.
     */
    Map<ClipId, Long> ingestEntries(Set<ClipId> clips);

    Optional<Clip> find(ClipId id);

    /**
     * Those of {@code blobs} that some clip names, erased or not: the rest belong to no clip
     * (a write whose clip was never recorded) and may be deleted.
     */
    Set<BlobId> namedBlobs(Set<BlobId> blobs);

    /** A contributor's clips, oldest first. */
    List<Clip> byContributor(Pseudonym contributor);

    /** Up to {@code limit} ACCEPTED clips of the project with ids after {@code after} (if given), in id order. */
    List<Clip> accepted(ProjectId project, Optional<ClipId> after, int limit);

    /**
     * Locks a clip awaiting review until the transaction ends, so that verdicts on one clip are
     * applied one at a time and each sees those before it; false if the clip does not await review
     * (absent, decided or erased).
     */
    boolean lockForReview(ClipId id);

    /**
     * Moves a clip awaiting review to {@code decided} (ACCEPTED or REJECTED); false, changing
     * nothing, if it does not await review.
     */
    boolean decide(ClipId id, ClipState decided);

    /** How many of the project's clips are in each state; states without clips are absent. */
    Map<ClipState, Long> countByState(ProjectId project);

    /**
     * Marks every clip of the contributor erased, deletes their key headers and returns their
     * blobs, to be deleted.
     */
    List<BlobId> erase(Pseudonym contributor);

    /**
     * Marks one clip erased and deletes its key header, which makes it unreadable even from copied
     * ciphertext; returns its blob, to be deleted, or empty if it is absent or was already erased.
     */
    Optional<BlobId> erase(ClipId clip);

    /**
     * Up to {@code limit} clips, not erased, whose expiry is at or before {@code now}: the longest
     * expired first. Reads an index of the clips still to erase, never the whole table.
     */
    List<ClipId> expired(Instant now, int limit);
}
