package dev.custody.app;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.access.FirstStart;
import dev.custody.keys.Argon2Parameters;
import dev.custody.keys.LocalKeyring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Custody on the backends a configuration file chooses (see {@link ConfigFile}): one node among
 * any number sharing the same PostgreSQL database, object store and keys. Unlike the embedded
 * default, nothing here locks out a second process: that is the point.
 *
 * <p>Only {@link #initialize} creates the keyring file (the KEKs for {@code local:}, the signing
 * keys beside an HSM), from the configured passphrase; run it once, on one node, before the
 * others start. It refuses, with {@code KEYRING_MISSING}, to create a keyring for a database that
 * already holds data, which a new keyring could never read. {@link #open} fails with {@code
 * KEYRING_MISSING} when the keyring file is absent.
 */
public final class ConfiguredInstallation implements Installation {
    private final Path configFile;
    private final Custody custody;
    private final Optional<FirstStart> firstStart;

    private ConfiguredInstallation(Path configFile, Custody custody, Optional<FirstStart> firstStart) {
        this.configFile = configFile;
        this.custody = custody;
        this.firstStart = firstStart;
    }

    /** Opens the configured backends; every setting is checked before any of them is touched. */
    public static ConfiguredInstallation open(Path configFile, Map<String, String> env, Clock clock) {
        try (ConfigFile config = ConfigFile.read(configFile, env)) {
            if (!Files.exists(config.keyringFile())) {
                throw new CustodyException(
                        ErrorCode.KEYRING_MISSING,
                        "no keyring at " + config.keyringFile() + ": create it once with `custody init --config "
                                + configFile + "`, or restore it from a backup");
            }
            return start(config, env, clock);
        }
    }

    /** Creates the keyring if it is absent, then opens the configured backends. */
    public static ConfiguredInstallation initialize(
            Path configFile, Map<String, String> env, Argon2Parameters argon2, Clock clock) {
        requireNonNull(argon2, "argon2 is null");
        try (ConfigFile config = ConfigFile.read(configFile, env)) {
            Path keyring = config.keyringFile();
            if (Files.exists(keyring)) {
                return start(config, env, clock);
            }
            createPrivateFolder(keyring.toAbsolutePath().getParent());
            if (config.config().database() instanceof DatabaseConfig.Sqlite sqlite) {
                createPrivateFolder(sqlite.file().toAbsolutePath().getParent());
            }
            LocalKeyring.create(keyring, config.passphrase(), argon2).close();
            ConfiguredInstallation installation;
            try {
                installation = start(config, env, clock);
            } catch (RuntimeException e) {
                deleteQuietly(keyring);
                throw e;
            }
            if (installation.firstStart.isEmpty()) {
                // The database was set up before, under another keyring: this one could read nothing.
                installation.close();
                deleteQuietly(keyring);
                throw new CustodyException(
                        ErrorCode.KEYRING_MISSING,
                        "the database already holds Custody data but there is no keyring at " + keyring
                                + "; restore it from a backup");
            }
            return installation;
        }
    }

    private static ConfiguredInstallation start(ConfigFile config, Map<String, String> env, Clock clock) {
        Custody custody =
                Custody.open(config.config(), config.passphrase(), env, requireNonNull(clock, "clock is null"));
        try {
            return new ConfiguredInstallation(
                    config.file(),
                    custody,
                    FirstStart.runOnce(
                            custody.services().bootstrapToken(),
                            custody.services().accounts(),
                            custody.jobLock()));
        } catch (RuntimeException e) {
            custody.close();
            throw e;
        }
    }

    private static void createPrivateFolder(Path folder) {
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(
                        folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new CustodyException(
                    ErrorCode.STORAGE_UNAVAILABLE, "cannot create the folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path keyring) {
        try {
            Files.deleteIfExists(keyring);
        } catch (IOException ignored) {
            // The original failure is the one to report.
        }
    }

    @Override
    public Custody custody() {
        return custody;
    }

    @Override
    public String location() {
        return "Custody configuration: " + configFile.toAbsolutePath();
    }

    @Override
    public Optional<FirstStart> firstStart() {
        return firstStart;
    }

    @Override
    public Optional<Path> generatedPassphraseFile() {
        return Optional.empty();
    }

    @Override
    public void close() {
        custody.close();
    }
}
