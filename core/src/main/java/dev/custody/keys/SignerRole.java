package dev.custody.keys;

/**
 * What a signing key signs. Each role has its own key pair, so a key can be replaced or revoked
 * without touching the others, and a signature made for one role is never accepted for another.
 */
public enum SignerRole {
    /** Receipts given to contributors for their consent and clips. */
    RECEIPTS(SignerAlgorithm.ED25519),
    /** Ledger checkpoints, classical signature. */
    LEDGER_ED25519(SignerAlgorithm.ED25519),
    /** Ledger checkpoints, post-quantum signature. */
    LEDGER_ML_DSA(SignerAlgorithm.ML_DSA_65);

    private final SignerAlgorithm algorithm;

    SignerRole(SignerAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    public SignerAlgorithm algorithm() {
        return algorithm;
    }
}
