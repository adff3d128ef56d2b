package dev.custody.jdbc.ledger;

import dev.custody.keys.Signer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;

/** A test signer over an in-memory key pair. */
final class TestSigner implements Signer {
    private final String algorithm;
    private final KeyPair pair;

    private TestSigner(String keyAlgorithm, String algorithm) {
        this.algorithm = algorithm;
        try {
            this.pair = KeyPairGenerator.getInstance(keyAlgorithm).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static TestSigner ed25519() {
        return new TestSigner("Ed25519", "Ed25519");
    }

    static TestSigner mlDsa65() {
        return new TestSigner("ML-DSA-65", "ML-DSA");
    }

    @Override
    public String algorithm() {
        return algorithm;
    }

    @Override
    public String keyId() {
        return HexFormat.of().formatHex(pair.getPublic().getEncoded(), 0, 8);
    }

    @Override
    public PublicKey publicKey() {
        return pair.getPublic();
    }

    @Override
    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(pair.getPrivate());
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
