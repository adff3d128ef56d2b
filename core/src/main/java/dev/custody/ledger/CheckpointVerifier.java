package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

/**
 * Verifies a {@link Checkpoint} against the log's trusted keys: its origin must be the expected one
 * and it must carry a valid Ed25519 signature and a valid ML-DSA-65 signature, each on a line with
 * the origin as key name and the key's C2SP key hash. Both are required, so forging a checkpoint
 * means breaking both algorithms. Lines from other keys are ignored, as the signed-note spec asks.
 */
public final class CheckpointVerifier {
    private final CheckpointKeys keys;

    private CheckpointVerifier(CheckpointKeys keys) {
        this.keys = keys;
    }

    public static CheckpointVerifier of(CheckpointKeys keys) {
        return new CheckpointVerifier(requireNonNull(keys, "keys is null"));
    }

    /** @throws CustodyException INTEGRITY_FAILURE unless both signatures verify */
    public void verify(Checkpoint checkpoint) {
        if (!verifies(checkpoint)) {
            throw CustodyException.integrityFailure();
        }
    }

    public boolean verifies(Checkpoint checkpoint) {
        requireNonNull(checkpoint, "checkpoint is null");
        if (!checkpoint.origin().equals(keys.origin())) {
            return false;
        }
        byte[] body = checkpoint.body().getBytes(StandardCharsets.UTF_8);
        return signed(checkpoint, body, NoteKey.ED25519, keys.ed25519())
                && signed(checkpoint, body, NoteKey.ML_DSA_65, keys.mlDsa65());
    }

    private boolean signed(Checkpoint checkpoint, byte[] body, NoteKey type, PublicKey key) {
        var keyHash = type.keyHash(keys.origin(), key);
        boolean found = false;
        for (NoteSignature line : checkpoint.signatures()) {
            if (line.keyName().equals(keys.origin()) && line.keyHash().equals(keyHash)) {
                // Every line claiming this key must verify: a bad one is tampering, not noise.
                if (!valid(type, key, body, line.signature().toArray())) {
                    return false;
                }
                found = true;
            }
        }
        return found;
    }

    private static boolean valid(NoteKey type, PublicKey key, byte[] body, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(type.jcaSignature());
            verifier.initVerify(key);
            verifier.update(body);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
