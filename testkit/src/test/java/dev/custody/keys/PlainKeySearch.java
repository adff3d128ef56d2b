package dev.custody.keys;

import dev.custody.CustodyException;
import java.util.Arrays;

/**
 * Whether some bytes hold, anywhere in them, the plain key-encryption key under which a key was
 * wrapped: every 32-byte window is tried as that key. It tells from behaviour alone, without asking
 * the keyring for raw key bytes.
 */
final class PlainKeySearch {
    private static final int KEY_LENGTH = 32;

    private PlainKeySearch() {}

    static boolean holdsKeyThatOpens(byte[] bytes, KekId kek, byte[] wrapped, byte[] associatedData) {
        for (int i = 0; i + KEY_LENGTH <= bytes.length; i++) {
            try (SecretBytes candidate = SecretBytes.copyOf(Arrays.copyOfRange(bytes, i, i + KEY_LENGTH))) {
                KekCipher.open(candidate, kek, wrapped, associatedData);
                return true;
            } catch (CustodyException notTheKey) {
                // Try the next window.
            }
        }
        return false;
    }
}
