package dev.custody.app;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/** Which key provider holds the KEKs. Switched over exhaustively in {@link Custody}. */
public sealed interface KeyProviderConfig {
    /** The embedded default: a keyring file sealed under a passphrase. */
    record LocalKeyringFile(Path file) implements KeyProviderConfig {
        public LocalKeyringFile {
            requireNonNull(file, "file is null");
        }
    }
}
