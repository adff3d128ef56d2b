package dev.custody.clip;

import static java.util.Objects.requireNonNull;

import dev.custody.receipt.SignedReceipt;

/** An accepted clip and the signed receipt its contributor keeps. */
public record IngestResult(Clip clip, SignedReceipt receipt) {
    public IngestResult {
        requireNonNull(clip, "clip is null");
        requireNonNull(receipt, "receipt is null");
    }
}
