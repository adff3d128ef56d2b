package dev.custody.rights;

import static java.util.Objects.requireNonNull;

import dev.custody.clip.Clip;
import dev.custody.receipt.SignedReceipt;

/** One of a contributor's clips, as they see it: its metadata and its signed receipt. */
public record MyClip(Clip clip, SignedReceipt receipt) {
    public MyClip {
        requireNonNull(clip, "clip is null");
        requireNonNull(receipt, "receipt is null");
    }
}
