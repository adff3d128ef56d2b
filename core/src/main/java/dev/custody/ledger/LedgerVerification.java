package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

/** The outcome of checking a ledger export with {@link LedgerVerifier}. */
public sealed interface LedgerVerification {
    /**
     * Every entry is well formed and in place and every checkpoint is signed by both keys and
     * matches the root recomputed from the entries. Entries past {@code checkpointedSize} are
     * consistent but not yet covered by a checkpoint.
     */
    record Verified(long size, long checkpointedSize) implements LedgerVerification {}

    /**
     * The log fails from {@code firstBadIndex} on. A malformed or misplaced entry is reported at
     * its own index, missing entries at the first missing one; a checkpoint that is badly signed
     * or does not match the entries is reported at the end of the last checkpoint that did (a root
     * cannot say which of the entries it covers changed, only that one after that point did).
     */
    record Failed(long firstBadIndex, Problem problem) implements LedgerVerification {
        public Failed {
            requireNonNull(problem, "problem is null");
        }
    }

    enum Problem {
        /** An entry's bytes do not decode. */
        MALFORMED_ENTRY,
        /** An entry's own index is not its position: an entry was removed, added or moved. */
        MISPLACED_ENTRY,
        /** A checkpoint note does not parse. */
        MALFORMED_CHECKPOINT,
        /** A checkpoint lacks a valid Ed25519 or ML-DSA-65 signature, or names another log. */
        BAD_SIGNATURE,
        /** A validly signed checkpoint's root differs from the root of the entries. */
        ROOT_MISMATCH,
        /** A checkpoint covers more entries than the export holds: the log was truncated. */
        MISSING_ENTRIES
    }
}
