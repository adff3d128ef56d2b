package dev.custody.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "init",
        description = "Create the embedded default: data folder, SQLite database, blob folder and sealed keyring.")
final class InitCommand implements Callable<Integer> {
    @Mixin
    DataFolderOption dataFolder;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (var installation = dataFolder.open()) {
            var out = spec.commandLine().getOut();
            out.println("Custody data folder: " + installation.folder().root().toAbsolutePath());
            Announcements.firstStart(out, installation);
        }
        return 0;
    }
}
