package dev.custody.store;

import dev.custody.Bytes;
import dev.custody.blob.BlobId;
import dev.custody.clip.Clip;
import dev.custody.clip.ClipId;
import dev.custody.clip.ClipState;
import dev.custody.clip.IdempotencyKey;
import dev.custody.clip.KeyedUpload;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import dev.custody.review.ClipCount;
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

    /**
     * Up to {@code limit} of the project's accepted clips, oldest first, after {@code after} (from
     * the first when empty): a stable order in which a delivery can be written page by page.
     */
    List<Clip> accepted(ProjectId project, Optional<ClipId> after, int limit);

    /** How many of the project's clips are in each state; states without clips are absent. */
    Map<ClipState, Long> countByState(ProjectId project);

    /**
     * The project's clips per day of their recording (days since the epoch, UTC), oldest first:
     * collected, and accepted now (a clip of an erased contributor is not).
     */
    List<ClipCount> countByDay(ProjectId project);

    /** The project's clips per prompt index, in index order: collected, and accepted now. */
    List<ClipCount> countByPrompt(ProjectId project);

    /**
     * Marks up to {@code limit} clips of the contributor, not yet marked, erased, deletes their key
     * headers and returns their blobs, to be deleted: the background pass that follows a
     * contributor's erasure, batch by batch. A clip of an erased contributor reads {@code ERASED}
     * before it is marked: its state is derived from the contributor's.
     */
    List<BlobId> erase(Pseudonym contributor, int limit);

    /** How many of the contributor's clips are not yet marked erased. */
    long countNotMarkedErased(Pseudonym contributor);

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

    /**
     * Makes the contributor's concurrent uploads wait for this transaction to end (a row lock on
     * PostgreSQL; SQLite has one writer anyway), so that the checks of each (its idempotency key,
     * duplicate audio) see what the one before it recorded.
     */
    void lockUploadsOf(Pseudonym contributor);

    /**
     * Records an upload's idempotency key for {@code principal} (how the ledger names the sender,
     * never a credential) until {@code expiresAt}, in the transaction that records the clip. An
     * expired record of the same key is replaced. Fails CONFLICT if the key has a live record.
     */
    void recordUploadKey(String principal, IdempotencyKey key, KeyedUpload upload, Instant now, Instant expiresAt);

    /** What {@code principal}'s key recorded, unless it has expired by {@code now}. */
    Optional<KeyedUpload> uploadKey(String principal, IdempotencyKey key, Instant now);

    /** Deletes the upload keys expired by {@code now}, through an index of their expiry; returns how many. */
    int forgetExpiredUploadKeys(Instant now);

    /**
     * The contributor's oldest clip, not erased, whose audio has this SHA-256: an indexed lookup,
     * never a scan of their clips.
     */
    Optional<ClipId> liveWithAudio(Pseudonym contributor, Bytes sha256);
}
