package dev.custody.clip;

import static java.util.Objects.requireNonNull;

import dev.custody.receipt.SignedReceipt;

/**
 * An accepted clip and the signed receipt its contributor keeps; {@code replayed} if the clip was
 * stored by an earlier upload with the same idempotency key, and this is that upload's answer.
 */
public record IngestResult(Clip clip, SignedReceipt receipt, boolean replayed) {
    public IngestResult {
        requireNonNull(clip, "clip is null");
        requireNonNull(receipt, "receipt is null");
    }
}
