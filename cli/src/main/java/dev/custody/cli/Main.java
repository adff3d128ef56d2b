package dev.custody.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code custody} command. */
@Command(
        name = "custody",
        mixinStandardHelpOptions = true,
        version = "custody 0.1.0",
        description = "Breach-resistant custody of voice recordings collected for AI training.",
        subcommands = {
            InitCommand.class,
            ServeCommand.class,
            IngestCommand.class,
            ExportCommand.class,
            EraseCommand.class,
            RetentionCommand.class,
            LedgerCommand.class,
            VerifyCommand.class,
            KeysCommand.class
        },
        footer = {"", "custody bench: benchmarks (run by the custody launcher on a class path of their own).%n"})
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler(new ErrorReporter())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }
}
