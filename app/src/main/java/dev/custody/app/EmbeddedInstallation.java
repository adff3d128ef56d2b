package dev.custody.app;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.access.FirstStart;
import dev.custody.keys.Argon2Parameters;
import dev.custody.keys.LocalKeyring;
import dev.custody.keys.Passphrases;
import dev.custody.keys.SecretBytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Opens (and on first use creates) the embedded default in a data folder: locks the folder, finds
 * the passphrase, creates or opens the sealed keyring, opens SQLite and the blob folder, and issues
 * the one-time bootstrap token. A fresh folder gets a generated passphrase (unless the environment
 * supplies one) written outside the folder, mode 0600.
 *
 * <p>A keyring that is missing beside an existing database is never silently recreated: that fails
 * with {@code KEYRING_MISSING}, since a new keyring could not read anything stored.
 */
public final class EmbeddedInstallation implements Installation {
    private final DataFolder folder;
    private final Custody custody;
    private final Optional<FirstStart> firstStart;
    private final Optional<Path> generatedPassphraseFile;

    private EmbeddedInstallation(
            DataFolder folder,
            Custody custody,
            Optional<FirstStart> firstStart,
            Optional<Path> generatedPassphraseFile) {
        this.folder = folder;
        this.custody = custody;
        this.firstStart = firstStart;
        this.generatedPassphraseFile = generatedPassphraseFile;
    }

    public static EmbeddedInstallation open(
            Path dataPath, Map<String, String> env, Argon2Parameters argon2, Clock clock) {
        requireNonNull(env, "env is null");
        var schedule = KeyScheduleSetting.parse(
                Optional.ofNullable(env.get(KeyScheduleSetting.VARIABLE)).filter(text -> !text.isBlank()),
                0,
                KeyScheduleSetting.VARIABLE);
        DataFolder folder = DataFolder.lock(requireNonNull(dataPath, "dataPath is null"));
        try {
            Optional<Path> generated = Optional.empty();
            SecretBytes passphrase;
            if (Files.exists(folder.keyring())) {
                passphrase = existingPassphrase(folder, env);
            } else if (Files.exists(folder.database())) {
                throw new CustodyException(
                        ErrorCode.KEYRING_MISSING,
                        "the data folder " + folder.root()
                                + " has a database but no keyring; restore keyring.sealed from a backup");
            } else {
                Optional<SecretBytes> supplied = Passphrases.fromEnvironment(env);
                passphrase = supplied.orElseGet(Passphrases::generate);
                LocalKeyring.create(folder.keyring(), passphrase, argon2).close();
                if (supplied.isEmpty()) {
                    generated = Optional.of(writeGenerated(folder, env, passphrase));
                }
            }
            Custody custody =
                    Custody.open(CustodyConfig.embedded(folder).withKeySchedule(schedule), passphrase, env, clock);
            passphrase.close();
            return new EmbeddedInstallation(
                    folder,
                    custody,
                    FirstStart.runOnce(
                            custody.services().bootstrapToken(),
                            custody.services().accounts(),
                            custody.jobLock()),
                    generated);
        } catch (RuntimeException e) {
            folder.close();
            throw e;
        }
    }

    private static SecretBytes existingPassphrase(DataFolder folder, Map<String, String> env) {
        Optional<SecretBytes> supplied = Passphrases.fromEnvironment(env);
        if (supplied.isPresent()) {
            return supplied.get();
        }
        Path file = PassphraseLocation.forKeyring(env, LocalKeyring.readKeyringId(folder.keyring()));
        if (!Files.exists(file)) {
            throw new CustodyException(
                    ErrorCode.WRONG_PASSPHRASE,
                    "no passphrase for this keyring: set CUSTODY_PASSPHRASE or CUSTODY_PASSPHRASE_FILE (the generated one would be at "
                            + file + ")");
        }
        return Passphrases.fromEnvironment(Map.of("CUSTODY_PASSPHRASE_FILE", file.toString()))
                .orElseThrow();
    }

    private static Path writeGenerated(DataFolder folder, Map<String, String> env, SecretBytes passphrase) {
        Path file = PassphraseLocation.forKeyring(env, LocalKeyring.readKeyringId(folder.keyring()));
        try {
            Passphrases.writeNew(file, passphrase);
            return file;
        } catch (RuntimeException e) {
            // Without its passphrase the new keyring could never be opened again: undo it.
            try {
                Files.deleteIfExists(folder.keyring());
            } catch (java.io.IOException ignored) {
                // The original failure is the one to report.
            }
            throw e;
        }
    }

    @Override
    public Custody custody() {
        return custody;
    }

    @Override
    public String location() {
        return "Custody data folder: " + folder.root().toAbsolutePath();
    }

    public DataFolder folder() {
        return folder;
    }

    @Override
    public Optional<FirstStart> firstStart() {
        return firstStart;
    }

    @Override
    public Optional<Path> generatedPassphraseFile() {
        return generatedPassphraseFile;
    }

    @Override
    public void close() {
        try {
            custody.close();
        } finally {
            folder.close();
        }
    }
}
