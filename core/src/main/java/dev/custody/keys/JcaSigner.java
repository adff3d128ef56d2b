package dev.custody.keys;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import javax.security.auth.DestroyFailedException;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A {@link Signer} over a key pair held in memory, signing with the JDK's own providers, except
 * Ed25519: every receipt is signed, and Bouncy Castle's RFC 8032 code signs several times faster
 * than the JDK's. Ed25519 signatures are deterministic, so both give the same bytes (tested).
 *
 * <p>{@link #keyId()} is the lower-case hex of the first 8 bytes of SHA-256 over the public key's
 * X.509 SubjectPublicKeyInfo encoding: 16 characters, the same wherever the key is used.
 *
 * <p>Thread-safe: each signature uses its own {@link Signature}. After {@link #close()}, {@link
 * #sign} throws {@link IllegalStateException}; the JDK's private keys cannot all be wiped, so close
 * tries and otherwise drops the reference.
 */
public final class JcaSigner implements Signer, AutoCloseable {
    private final SignerAlgorithm algorithm;
    private final PublicKey publicKey;
    private final String keyId;
    private volatile PrivateKey privateKey;
    private volatile Optional<Ed25519PrivateKeyParameters> ed25519;

    private JcaSigner(SignerAlgorithm algorithm, KeyPair keyPair) {
        this.algorithm = requireNonNull(algorithm, "algorithm is null");
        requireNonNull(keyPair, "keyPair is null");
        this.publicKey = requireNonNull(keyPair.getPublic(), "public key is null");
        this.privateKey = requireNonNull(keyPair.getPrivate(), "private key is null");
        this.keyId = keyIdOf(publicKey);
        this.ed25519 = algorithm == SignerAlgorithm.ED25519 && privateKey instanceof EdECPrivateKey edKey
                ? edKey.getBytes().map(seed -> new Ed25519PrivateKeyParameters(seed, 0))
                : Optional.empty();
    }

    /** Wraps an existing key pair; the caller must not use its private key elsewhere. */
    public static JcaSigner of(SignerAlgorithm algorithm, KeyPair keyPair) {
        return new JcaSigner(algorithm, keyPair);
    }

    /** A fresh key pair from the JDK's strong random source. */
    public static JcaSigner generate(SignerAlgorithm algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.keyAlgorithm());
            return new JcaSigner(algorithm, generator.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK offers no " + algorithm.keyAlgorithm(), e);
        }
    }

    /** Rebuilds a signer from the PKCS#8 and X.509 encodings; malformed ones fail INTEGRITY_FAILURE. */
    static JcaSigner decode(SignerAlgorithm algorithm, byte[] pkcs8, byte[] x509) {
        try {
            KeyFactory factory = KeyFactory.getInstance(algorithm.signatureAlgorithm());
            PKCS8EncodedKeySpec privateSpec = new PKCS8EncodedKeySpec(pkcs8);
            var keyPair = new KeyPair(
                    factory.generatePublic(new X509EncodedKeySpec(x509)), factory.generatePrivate(privateSpec));
            return new JcaSigner(algorithm, keyPair);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw CustodyException.integrityFailure(e);
        }
    }

    /**
     * Whether {@code signature} is a valid signature of {@code message} under {@code key}. Returns
     * false, never throws, for a bad signature, a malformed key or an unknown algorithm.
     */
    public static boolean verify(PublicKey key, String algorithm, byte[] message, byte[] signature) {
        requireNonNull(key, "key is null");
        requireNonNull(algorithm, "algorithm is null");
        requireNonNull(message, "message is null");
        requireNonNull(signature, "signature is null");
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public String algorithm() {
        return algorithm.signatureAlgorithm();
    }

    public SignerAlgorithm signerAlgorithm() {
        return algorithm;
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public PublicKey publicKey() {
        return publicKey;
    }

    @Override
    public byte[] sign(byte[] message) {
        requireNonNull(message, "message is null");
        var key = privateKey;
        if (key == null) {
            throw new IllegalStateException("signer was closed");
        }
        var fast = ed25519;
        if (fast.isPresent()) {
            var signer = new Ed25519Signer();
            signer.init(true, fast.get());
            signer.update(message, 0, message.length);
            return signer.generateSignature();
        }
        try {
            Signature signature = Signature.getInstance(algorithm.signatureAlgorithm());
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new CustodyException(ErrorCode.KEY_PROVIDER_UNAVAILABLE, "signing failed", e);
        }
    }

    /** The PKCS#8 encoding of the private key, for sealing into a keyring only. */
    SecretBytes privateKeyEncoding() {
        var key = privateKey;
        if (key == null) {
            throw new IllegalStateException("signer was closed");
        }
        return SecretBytes.takeOwnership(key.getEncoded());
    }

    @Override
    public void close() {
        var key = privateKey;
        privateKey = null;
        ed25519 = Optional.empty();
        if (key != null && !key.isDestroyed()) {
            try {
                key.destroy();
            } catch (DestroyFailedException e) {
                // Most JDK private keys do not implement destroy(); dropping the reference is all we can do.
            }
        }
    }

    private static String keyIdOf(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(Arrays.copyOf(digest, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK offers no SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "JcaSigner[" + algorithm.signatureAlgorithm() + ", " + keyId + "]";
    }
}
