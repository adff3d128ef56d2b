package dev.custody.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;

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
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        var commandLine = new CommandLine(new Main())
                .setExecutionExceptionHandler(new ErrorReporter())
                .setCaseInsensitiveEnumValuesAllowed(true);
        addHelpOption(commandLine);
        return commandLine;
    }

    /**
     * Gives every subcommand, at every depth, {@code -h}/{@code --help}. Not by inheriting the
     * standard help mixin: its {@code --version} would clash with {@code keys destroy --version}.
     */
    private static void addHelpOption(CommandLine command) {
        for (CommandLine subcommand : command.getSubcommands().values()) {
            if (!subcommand.getCommandSpec().optionsMap().containsKey("--help")) {
                subcommand
                        .getCommandSpec()
                        .addOption(OptionSpec.builder("-h", "--help")
                                .usageHelp(true)
                                .description("Show this help message and exit.")
                                .build());
            }
            addHelpOption(subcommand);
        }
    }
}
