package dev.custody.keys;

import dev.custody.CustodyException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM under a KEK held in memory, in the wrapped key format documented on {@link
 * LocalKeyring}: {@code nonce (12) || ciphertext || tag (16)}, associated data {@code len(k) || k ||
 * len(a) || a}.
 */
final class KekCipher {
    static final int NONCE_LENGTH = 12;
    static final int TAG_LENGTH = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    private KekCipher() {}

    static byte[] seal(SecretBytes key, KekId kek, byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, kek, associatedData);
            ByteBuffer out = ByteBuffer.allocate(NONCE_LENGTH + plaintext.length + TAG_LENGTH);
            return out.put(nonce).put(cipher.doFinal(plaintext)).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    static byte[] open(SecretBytes key, KekId kek, byte[] ciphertext, byte[] associatedData) {
        if (ciphertext.length < NONCE_LENGTH + TAG_LENGTH) {
            throw CustodyException.integrityFailure();
        }
        try {
            Cipher cipher =
                    cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(ciphertext, NONCE_LENGTH), kek, associatedData);
            return cipher.doFinal(ciphertext, NONCE_LENGTH, ciphertext.length - NONCE_LENGTH);
        } catch (AEADBadTagException e) {
            throw CustodyException.integrityFailure(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static Cipher cipher(int mode, SecretBytes key, byte[] nonce, KekId kek, byte[] associatedData)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] keyBytes = key.toArray();
        try {
            cipher.init(mode, new SecretKeySpec(keyBytes, "AES"), new GCMParameterSpec(TAG_LENGTH * 8, nonce));
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
        // Length prefixes, so that no byte can move between the KEK's name and the caller's data.
        byte[] kekName = kek.toString().getBytes(StandardCharsets.UTF_8);
        cipher.updateAAD(ByteBuffer.allocate(8 + kekName.length + associatedData.length)
                .putInt(kekName.length)
                .put(kekName)
                .putInt(associatedData.length)
                .put(associatedData)
                .array());
        return cipher;
    }
}
