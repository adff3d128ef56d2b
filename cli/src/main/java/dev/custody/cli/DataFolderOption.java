package dev.custody.cli;

import dev.custody.app.EmbeddedInstallation;
import dev.custody.keys.Argon2Parameters;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/** The {@code --data} option shared by the commands that open the embedded default. */
final class DataFolderOption {
    @Option(
            names = "--data",
            paramLabel = "FOLDER",
            description = "Data folder of the embedded default (default: ${DEFAULT-VALUE}, or $CUSTODY_DATA).",
            defaultValue = "${env:CUSTODY_DATA:-custody-data}")
    Path data;

    EmbeddedInstallation open() {
        return EmbeddedInstallation.open(data, System.getenv(), Argon2Parameters.DEFAULT, Clock.systemUTC());
    }
}
