package dev.custody.cli;

import dev.custody.CustodyException;
import dev.custody.app.ConfiguredInstallation;
import dev.custody.app.EmbeddedInstallation;
import dev.custody.app.Installation;
import dev.custody.keys.Argon2Parameters;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --data} and {@code --config} options shared by the commands that open Custody: a
 * configuration file chooses the backends; without one, the embedded default lives in a data
 * folder. An explicit option beats the environment's {@code CUSTODY_CONFIG} and {@code
 * CUSTODY_DATA}; both options at once are refused.
 */
final class DataFolderOption {
    private static final String DEFAULT_FOLDER = "custody-data";

    @Option(
            names = "--data",
            paramLabel = "FOLDER",
            description = "Data folder of the embedded default (default: $CUSTODY_DATA, else " + DEFAULT_FOLDER + ").")
    Optional<Path> data;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Configuration file choosing the backends (default: $CUSTODY_CONFIG; without one, the"
                    + " embedded default).")
    Optional<Path> config;

    /** Opens Custody; a configured keyring must already exist. */
    Installation open() {
        return open(false);
    }

    /** Opens Custody, first creating the configured keyring if it is absent. */
    Installation initialize() {
        return open(true);
    }

    private Installation open(boolean initialize) {
        Map<String, String> env = System.getenv();
        if (config.isPresent() && data.isPresent()) {
            throw CustodyException.invalidInput(
                    "--config and --data exclude each other: the configuration file says where the data is");
        }
        Optional<Path> configFile =
                data.isPresent() ? Optional.empty() : config.or(() -> fromEnv(env, "CUSTODY_CONFIG"));
        if (configFile.isPresent()) {
            return initialize
                    ? ConfiguredInstallation.initialize(
                            configFile.get(), env, Argon2Parameters.DEFAULT, Clock.systemUTC())
                    : ConfiguredInstallation.open(configFile.get(), env, Clock.systemUTC());
        }
        Path folder = data.or(() -> fromEnv(env, "CUSTODY_DATA")).orElse(Path.of(DEFAULT_FOLDER));
        return EmbeddedInstallation.open(folder, env, Argon2Parameters.DEFAULT, Clock.systemUTC());
    }

    private static Optional<Path> fromEnv(Map<String, String> env, String variable) {
        return Optional.ofNullable(env.get(variable))
                .filter(value -> !value.isBlank())
                .map(Path::of);
    }
}
