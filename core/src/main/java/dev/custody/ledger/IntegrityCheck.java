package dev.custody.ledger;

/**
 * Which integrity check failed, as an {@link IntegrityFailed} entry names it (by its label, as the
 * id of its {@link SubjectKind#CHECK} subject).
 */
public enum IntegrityCheck {
    /** A clip's ciphertext failed authentication, or its plaintext is not the audio hashed at ingest. */
    BLOB("blob"),
    /** The blob of a clip that is not erased is gone from the blob store. */
    BLOB_MISSING("blob-missing"),
    /** A contributor's wrapped key did not unwrap under its key-encryption key. */
    KEY_UNWRAP("key-unwrap"),
    /** A stored ledger entry, hash or checkpoint does not verify. */
    LEDGER("ledger"),
    /** A receipt could not be rebuilt from the entry the metadata points to. */
    RECEIPT("receipt"),
    /** Another stored record failed its check while serving a request. */
    RECORD("record");

    private final String label;

    IntegrityCheck(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
