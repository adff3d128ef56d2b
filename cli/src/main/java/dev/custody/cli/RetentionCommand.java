package dev.custody.cli;

import dev.custody.access.Principal;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Retention by hand, as the server's scheduled job does it. The local operator holds the data
 * folder and its passphrase, so acts with full authority, as {@link EraseCommand} does.
 */
@Command(
        name = "retention",
        description = "Erase what may no longer be kept.",
        subcommands = {RetentionCommand.Run.class})
final class RetentionCommand {
    @Command(
            name = "run",
            description = "Erase every clip past its project's retention and every contributor inactive for 3"
                    + " years, now; print how many.")
    static final class Run implements Callable<Integer> {
        @Mixin
        DataFolderOption dataFolder;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (var installation = dataFolder.open()) {
                var services = installation.custody().services();
                var run = services.retention().run(Principal.bootstrapAdmin());
                var out = spec.commandLine().getOut();
                out.printf("clips past their retention erased: %d%n", run.expiredClips());
                out.printf(
                        "contributors inactive for 3 years erased: %d (their clips: %d)%n",
                        run.inactiveContributors(), run.clipsOfInactiveContributors());
            }
            return 0;
        }
    }
}
