package dev.custody.cli;

import dev.custody.access.FirstStart;
import dev.custody.app.FirstStartFile;
import dev.custody.app.Installation;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * What a first start tells the operator: where the passphrase went, the first operator account and
 * the one-time token. The secrets are printed only to a terminal; when standard output goes
 * anywhere else (a log file, a pipe, a service manager's journal), they go to a file of mode 0600
 * in the configuration folder and only its path is printed.
 */
final class Announcements {
    private Announcements() {}

    static void firstStart(PrintWriter out, Installation installation) {
        installation.generatedPassphraseFile().ifPresent(file -> {
            out.println("Generated the keyring passphrase and wrote it to " + file.toAbsolutePath() + " (mode 0600).");
            out.println("Keep it apart from backups of the data folder: without it the data folder is unreadable.");
        });
        installation.firstStart().ifPresent(first -> {
            if (outputIsTerminal()) {
                secretLines(first).forEach(out::println);
            } else {
                Path file = FirstStartFile.write(System.getenv(), secretLines(first));
                out.println("Wrote the first operator account and the bootstrap token (shown once) to "
                        + file.toAbsolutePath() + " (mode 0600): store them, then delete the file.");
            }
        });
        out.flush();
    }

    private static boolean outputIsTerminal() {
        Console console = System.console();
        return console != null && console.isTerminal();
    }

    private static List<String> secretLines(FirstStart first) {
        return List.of(
                "First operator account (shown once, store it now):",
                "  username: " + first.operator().value(),
                "  password: " + first.operatorPassword(),
                "  TOTP enrolment, for an authenticator app: " + first.totpEnrolment(),
                "Bootstrap admin token, for setting up (shown once; an operator retires it with"
                        + " DELETE /api/v1/bootstrap-token): " + first.bootstrapToken());
    }
}
