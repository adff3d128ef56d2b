package dev.custody.app;

import static java.util.Objects.requireNonNull;

import dev.custody.keys.Pkcs11Config;
import java.nio.file.Path;

/** Which key provider holds the KEKs. Switched over exhaustively in {@link Custody}. */
public sealed interface KeyProviderConfig {
    /** The embedded default: KEKs and signing keys in a keyring file sealed under a passphrase. */
    record LocalKeyringFile(Path file) implements KeyProviderConfig {
        public LocalKeyringFile {
            requireNonNull(file, "file is null");
        }
    }

    /**
     * KEKs in a PKCS#11 token (an HSM). The receipt and ledger signing keys stay in a local keyring
     * file sealed under the passphrase, used only for signing: Ed25519 and ML-DSA are not reliably
     * offered by tokens through SunPKCS11, and a signing key, unlike a KEK, unlocks no stored data.
     */
    record Pkcs11(Pkcs11Config token, Path signingKeyring) implements KeyProviderConfig {
        public Pkcs11 {
            requireNonNull(token, "token is null");
            requireNonNull(signingKeyring, "signingKeyring is null");
        }
    }
}
