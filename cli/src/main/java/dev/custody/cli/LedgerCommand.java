package dev.custody.cli;

import dev.custody.access.Principal;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "ledger",
        description = "The verifiable ledger of the embedded default.",
        subcommands = {LedgerCommand.Export.class, LedgerCommand.Keys.class, LedgerCommand.IssueCheckpoint.class})
final class LedgerCommand {
    @Command(name = "export", description = "Write every checkpoint and entry to FILE, for custody verify log.")
    static final class Export implements Callable<Integer> {
        @Mixin
        DataFolderOption dataFolder;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try (var installation = dataFolder.open();
                    OutputStream out = Files.newOutputStream(file)) {
                installation.custody().services().ledger().export(Principal.bootstrapAdmin(), out);
            }
            spec.commandLine().getOut().println("Wrote the ledger to " + file);
            return 0;
        }
    }

    @Command(name = "keys", description = "Print the public keys that verify checkpoints and receipts.")
    static final class Keys implements Callable<Integer> {
        @Mixin
        DataFolderOption dataFolder;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (var installation = dataFolder.open()) {
                spec.commandLine()
                        .getOut()
                        .print(installation.custody().services().ledger().keys().toText());
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }

    @Command(name = "checkpoint", description = "Sign a checkpoint of the ledger's current size and print it.")
    static final class IssueCheckpoint implements Callable<Integer> {
        @Mixin
        DataFolderOption dataFolder;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (var installation = dataFolder.open()) {
                spec.commandLine()
                        .getOut()
                        .print(installation
                                .custody()
                                .services()
                                .ledger()
                                .issueCheckpoint()
                                .text());
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }
}
