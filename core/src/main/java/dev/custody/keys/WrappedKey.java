package dev.custody.keys;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;

/** A secret encrypted under a KEK, with the id of the KEK version that wrapped it. */
public record WrappedKey(KekId kek, Bytes ciphertext) {
    public WrappedKey {
        requireNonNull(kek, "kek is null");
        requireNonNull(ciphertext, "ciphertext is null");
    }
}
