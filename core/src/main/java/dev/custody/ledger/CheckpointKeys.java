package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import java.security.PublicKey;

/**
 * What a verifier trusts: the log's origin (also the key name) and its two public keys, obtained
 * out of band, never from the log being checked.
 *
 * @throws IllegalArgumentException if a key is not of the expected type or the origin is not a
 *     valid key name
 */
public record CheckpointKeys(String origin, PublicKey ed25519, PublicKey mlDsa65) {
    public CheckpointKeys {
        requireNonNull(origin, "origin is null");
        requireNonNull(ed25519, "ed25519 is null");
        requireNonNull(mlDsa65, "mlDsa65 is null");
        if (!NoteKey.validName(origin)) {
            throw new IllegalArgumentException("origin must be non-empty, without spaces or '+'");
        }
        if (!NoteKey.ED25519.accepts(ed25519) || !NoteKey.ML_DSA_65.accepts(mlDsa65)) {
            throw new IllegalArgumentException("checkpoints are verified with Ed25519 and ML-DSA-65 keys");
        }
    }
}
