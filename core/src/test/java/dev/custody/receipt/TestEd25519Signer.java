package dev.custody.receipt;

import dev.custody.keys.Signer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;

/** A test-only Ed25519 signer holding a fresh key pair in memory. */
final class TestEd25519Signer implements Signer {
    private final KeyPair keys;
    private final String keyId;

    private TestEd25519Signer(KeyPair keys, String keyId) {
        this.keys = keys;
        this.keyId = keyId;
    }

    static TestEd25519Signer generate() {
        try {
            KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(keys.getPublic().getEncoded());
            return new TestEd25519Signer(keys, "test-" + HexFormat.of().formatHex(hash, 0, 8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String algorithm() {
        return "Ed25519";
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public PublicKey publicKey() {
        return keys.getPublic();
    }

    @Override
    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(keys.getPrivate());
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
