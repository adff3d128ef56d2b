package dev.custody.keys;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.Provider;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM inside the token, in the format documented on {@link Pkcs11KeyProvider}: {@code 0x01
 * || iv (12) || ciphertext || tag (16)}, associated data {@code len(k) || k || len(a) || a}.
 */
final class Pkcs11Gcm {
    static final byte FORMAT_VERSION = 0x01;
    static final int IV_LENGTH = 12;
    static final int TAG_LENGTH = 16;
    static final int OVERHEAD = 1 + IV_LENGTH + TAG_LENGTH;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Pkcs11Gcm() {}

    static byte[] seal(Provider provider, Key key, KekId kek, byte[] plaintext, byte[] associatedData) {
        byte[] iv = new byte[IV_LENGTH];
        RANDOM.nextBytes(iv);
        try {
            byte[] sealed = cipher(provider, Cipher.ENCRYPT_MODE, key, iv, kek, associatedData)
                    .doFinal(plaintext);
            return ByteBuffer.allocate(1 + IV_LENGTH + sealed.length)
                    .put(FORMAT_VERSION)
                    .put(iv)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException | ProviderException e) {
            throw unavailable(e);
        }
    }

    /** Checks the framing before the token sees anything, so malformed input never costs a call. */
    static boolean wellFormed(byte[] ciphertext) {
        return ciphertext.length >= OVERHEAD && ciphertext[0] == FORMAT_VERSION;
    }

    static byte[] open(Provider provider, Key key, KekId kek, byte[] ciphertext, byte[] associatedData) {
        byte[] iv = Arrays.copyOfRange(ciphertext, 1, 1 + IV_LENGTH);
        Cipher cipher;
        try {
            cipher = cipher(provider, Cipher.DECRYPT_MODE, key, iv, kek, associatedData);
        } catch (GeneralSecurityException | ProviderException e) {
            throw unavailable(e);
        }
        try {
            return cipher.doFinal(ciphertext, 1 + IV_LENGTH, ciphertext.length - 1 - IV_LENGTH);
        } catch (AEADBadTagException e) {
            // SunPKCS11 reports SoftHSM2's CKR_GENERAL_ERROR on a wrong tag this way as well.
            throw CustodyException.integrityFailure(e);
        } catch (GeneralSecurityException | ProviderException e) {
            throw unavailable(e);
        }
    }

    static CustodyException unavailable(Exception cause) {
        return new CustodyException(
                ErrorCode.KEY_PROVIDER_UNAVAILABLE, "the PKCS#11 token failed to encrypt or decrypt", cause);
    }

    private static Cipher cipher(Provider provider, int mode, Key key, byte[] iv, KekId kek, byte[] associatedData)
            throws GeneralSecurityException {
        // A fresh Cipher per call: instances are not thread-safe, and each call has its own IV.
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", provider);
        cipher.init(mode, key, new GCMParameterSpec(TAG_LENGTH * 8, iv));
        cipher.updateAAD(associatedData(kek, associatedData));
        return cipher;
    }

    /** Length prefixes, so that no byte can move between the KEK's name and the caller's data. */
    static byte[] associatedData(KekId kek, byte[] associatedData) {
        byte[] kekName = kek.toString().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + kekName.length + associatedData.length)
                .putInt(kekName.length)
                .put(kekName)
                .putInt(associatedData.length)
                .put(associatedData)
                .array();
    }
}
