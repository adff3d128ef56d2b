package dev.custody.cli;

import dev.custody.access.Principal;
import dev.custody.contributor.Pseudonym;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "erase",
        description = "Erase a contributor: destroy their key, so none of their clips can be read again.")
final class EraseCommand implements Callable<Integer> {
    @Mixin
    DataFolderOption dataFolder;

    @Option(names = "--contributor", required = true, paramLabel = "PSEUDONYM")
    String contributor;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (var installation = dataFolder.open()) {
            var services = installation.custody().services();
            // The local operator holds the data folder and its passphrase: full authority here.
            int clips = services.erasure().erase(Principal.bootstrapAdmin(), new Pseudonym(contributor));
            // The erasure service has deleted their blobs before returning (no background jobs here).
            spec.commandLine()
                    .getOut()
                    .printf("Erased %s: %d clips unreadable, their blobs deleted.%n", contributor, clips);
        }
        return 0;
    }
}
