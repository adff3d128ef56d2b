package dev.custody.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "init",
        description = "Create the embedded default (data folder, SQLite database, blob folder, sealed keyring), or with"
                + " --config the configured keyring and database schema.")
final class InitCommand implements Callable<Integer> {
    @Mixin
    DataFolderOption dataFolder;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (var installation = dataFolder.initialize()) {
            var out = spec.commandLine().getOut();
            out.println(installation.location());
            Announcements.firstStart(out, installation);
        }
        return 0;
    }
}
