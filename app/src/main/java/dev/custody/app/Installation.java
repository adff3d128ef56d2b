package dev.custody.app;

import dev.custody.access.FirstStart;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An opened Custody: the embedded default in a data folder, or the backends a configuration file
 * chooses. Closing it closes every backend.
 */
public sealed interface Installation extends AutoCloseable permits EmbeddedInstallation, ConfiguredInstallation {
    Custody custody();

    /** Where this installation is, for the operator: its data folder or its configuration file. */
    String location();

    /** The first operator's credentials and the bootstrap token: only on the very first start. */
    Optional<FirstStart> firstStart();

    /** The bootstrap token, present only on the very first start against a fresh database. */
    default Optional<String> bootstrapToken() {
        return firstStart().map(FirstStart::bootstrapToken);
    }

    /** Where a generated passphrase was written, present only when this call created it. */
    Optional<Path> generatedPassphraseFile();

    @Override
    void close();
}
