package dev.custody.ledger;

import dev.custody.keys.Signer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;

/** A test signer over an in-memory key pair. */
final class KeyPairSigner implements Signer {
    private final String algorithm;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    KeyPairSigner(String algorithm, PrivateKey privateKey, PublicKey publicKey) {
        this.algorithm = algorithm;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    static KeyPairSigner ed25519() {
        return generate("Ed25519", "Ed25519");
    }

    static KeyPairSigner mlDsa65() {
        return generate("ML-DSA-65", "ML-DSA");
    }

    static CheckpointSigners checkpointSigners(String origin) {
        return new CheckpointSigners(origin, ed25519(), mlDsa65());
    }

    private static KeyPairSigner generate(String keyAlgorithm, String signatureAlgorithm) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(keyAlgorithm).generateKeyPair();
            return new KeyPairSigner(signatureAlgorithm, pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String algorithm() {
        return algorithm;
    }

    @Override
    public String keyId() {
        return HexFormat.of().formatHex(publicKey.getEncoded(), 0, 8);
    }

    @Override
    public PublicKey publicKey() {
        return publicKey;
    }

    @Override
    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
