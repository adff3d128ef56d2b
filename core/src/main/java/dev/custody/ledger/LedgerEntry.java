package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;

/**
 * One entry of the ledger: the event's action, subjects and details hash, who acted, why
 * ({@code purpose}, for example {@code review} or {@code asr-training}), the request that caused
 * it, and when. Its bytes ({@link LedgerEntryCodec}) are a leaf of the Merkle tree; its index is
 * part of them, so an entry cannot be moved to another place in the log unnoticed.
 *
 * @throws IllegalArgumentException if {@code index} or {@code timeMillis} is negative, there are
 *     more than {@value #MAX_SUBJECTS} subjects, or {@code detailsHash} is not 32 bytes
 * @throws dev.custody.CustodyException INVALID_INPUT if {@code purpose} or {@code requestId} is not
 *     1 to 200 printable ASCII characters without spaces
 */
public record LedgerEntry(
        long index,
        long timeMillis,
        Actor actor,
        Action action,
        List<Subject> subjects,
        String purpose,
        String requestId,
        Bytes detailsHash) {
    public static final int MAX_SUBJECTS = 16;

    public LedgerEntry {
        if (index < 0 || timeMillis < 0) {
            throw new IllegalArgumentException("index and time must not be negative");
        }
        requireNonNull(actor, "actor is null");
        requireNonNull(action, "action is null");
        subjects = List.copyOf(requireNonNull(subjects, "subjects is null"));
        if (subjects.size() > MAX_SUBJECTS) {
            throw new IllegalArgumentException("too many subjects");
        }
        LedgerText.require(purpose, "purpose");
        LedgerText.require(requestId, "requestId");
        requireNonNull(detailsHash, "detailsHash is null");
        if (detailsHash.length() != MerkleHashes.HASH_LENGTH) {
            throw new IllegalArgumentException("detailsHash must be a SHA-256 hash");
        }
    }

    /** The entry recording {@code event} at {@code index}. */
    public static LedgerEntry of(
            long index, Instant at, LedgerEvent event, Actor actor, String purpose, String requestId) {
        requireNonNull(at, "at is null");
        requireNonNull(event, "event is null");
        byte[] details = event.details().toArray();
        Bytes detailsHash = Bytes.copyOf(MerkleHashes.digest().digest(details));
        return new LedgerEntry(
                index, at.toEpochMilli(), actor, event.action(), event.subjects(), purpose, requestId, detailsHash);
    }

    public Instant time() {
        return Instant.ofEpochMilli(timeMillis);
    }

    /** Whether {@code event} is the one this entry records (same action, subjects and details). */
    public boolean records(LedgerEvent event) {
        requireNonNull(event, "event is null");
        byte[] hash = MerkleHashes.digest().digest(event.details().toArray());
        return event.action() == action
                && event.subjects().equals(subjects)
                && MessageDigest.isEqual(hash, detailsHash.toArray());
    }

    /** The pseudonyms of the contributors the entry names, each once, in subject order. */
    public List<String> contributors() {
        return subjects.stream()
                .filter(subject -> subject.kind() == SubjectKind.CONTRIBUTOR)
                .map(Subject::id)
                .distinct()
                .toList();
    }
}
