package dev.custody.keys;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where {@link Pkcs11KeyProvider} finds its token: the PKCS#11 library (for SoftHSM2 on Debian,
 * {@code /usr/lib/softhsm/libsofthsm2.so}), the slot id the token sits in, the user PIN, and the
 * prefix of the KEK labels ({@code custody} gives {@code custody-voice-v1}).
 *
 * <p>The token is chosen by slot id because SunPKCS11's configuration offers no selection by token
 * label. The PIN comes from an environment variable or a file in production; {@link #toString()}
 * never shows it, and {@link Pkcs11KeyProvider#open} keeps its own copy, so the caller may close
 * this one. Throws {@link IllegalArgumentException} for a negative slot or a prefix that is not 1
 * to 64 of {@code A-Z a-z 0-9 . _ -}, starting with a letter or digit.
 */
public record Pkcs11Config(Path library, int slot, SecretBytes pin, String keyLabelPrefix) {
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public Pkcs11Config {
        requireNonNull(library, "library is null");
        requireNonNull(pin, "pin is null");
        requireNonNull(keyLabelPrefix, "keyLabelPrefix is null");
        if (slot < 0) {
            throw new IllegalArgumentException("slot must not be negative");
        }
        if (!PREFIX.matcher(keyLabelPrefix).matches()) {
            throw new IllegalArgumentException("keyLabelPrefix must be 1 to 64 of A-Z a-z 0-9 . _ -");
        }
    }

    @Override
    public String toString() {
        return "Pkcs11Config[library=" + library + ", slot=" + slot + ", pin=redacted, keyLabelPrefix=" + keyLabelPrefix
                + "]";
    }
}
