package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.keys.Signer;

/**
 * The log's identity and its two checkpoint signing keys: every checkpoint carries an Ed25519
 * signature (what today's C2SP tools check) and an ML-DSA-65 signature (which outlives a quantum
 * computer). The origin is also the key name of both signature lines.
 *
 * @throws IllegalArgumentException if a signer's key is not of the expected type or the origin is
 *     not a valid key name
 */
public record CheckpointSigners(String origin, Signer ed25519, Signer mlDsa65) {
    public CheckpointSigners {
        requireNonNull(origin, "origin is null");
        requireNonNull(ed25519, "ed25519 is null");
        requireNonNull(mlDsa65, "mlDsa65 is null");
        if (!NoteKey.validName(origin)) {
            throw new IllegalArgumentException("origin must be non-empty, without spaces or '+'");
        }
        if (!NoteKey.ED25519.accepts(ed25519.publicKey()) || !NoteKey.ML_DSA_65.accepts(mlDsa65.publicKey())) {
            throw new IllegalArgumentException("checkpoints are signed with Ed25519 and ML-DSA-65 keys");
        }
    }

    /** The public half, for verifiers. */
    public CheckpointKeys keys() {
        return new CheckpointKeys(origin, ed25519.publicKey(), mlDsa65.publicKey());
    }
}
