package dev.custody.keys;

/**
 * The signature algorithms Custody's signers use, with their JCA names: Ed25519 (RFC 8032) for
 * receipts and checkpoints today, ML-DSA-65 (FIPS 204) beside it so that ledger checkpoints stay
 * verifiable should Ed25519 fall to a quantum computer.
 */
public enum SignerAlgorithm {
    ED25519("Ed25519", "Ed25519"),
    ML_DSA_65("ML-DSA-65", "ML-DSA");

    private final String keyAlgorithm;
    private final String signatureAlgorithm;

    SignerAlgorithm(String keyAlgorithm, String signatureAlgorithm) {
        this.keyAlgorithm = keyAlgorithm;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** The name for {@link java.security.KeyPairGenerator}, e.g. {@code ML-DSA-65}. */
    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    /** The name for {@link java.security.Signature} and {@link java.security.KeyFactory}. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }
}
