package dev.custody.app;

import dev.custody.keys.KeyProvider;
import dev.custody.keys.LocalKeyring;
import dev.custody.keys.Pkcs11Config;
import dev.custody.keys.Pkcs11KeyProvider;
import dev.custody.keys.SecretBytes;
import java.nio.file.Path;

/**
 * The open key provider holding the KEKs, and the local keyring holding the signing keys: the same
 * keyring for the embedded default, a separate one beside an HSM (see {@link
 * KeyProviderConfig.Pkcs11}).
 */
record OpenedKeys(KeyProvider kekProvider, LocalKeyring signingKeys) implements AutoCloseable {
    static OpenedKeys local(Path keyring, SecretBytes passphrase) {
        LocalKeyring keys = LocalKeyring.open(keyring, passphrase);
        return new OpenedKeys(keys, keys);
    }

    /** Opens the signing keyring first, so a wrong passphrase fails before the token is touched. */
    static OpenedKeys pkcs11(Pkcs11Config token, Path signingKeyring, SecretBytes passphrase) {
        LocalKeyring signing = LocalKeyring.open(signingKeyring, passphrase);
        try {
            return new OpenedKeys(Pkcs11KeyProvider.open(token), signing);
        } catch (RuntimeException e) {
            signing.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            kekProvider.close();
        } finally {
            if (signingKeys != kekProvider) {
                signingKeys.close();
            }
        }
    }
}
