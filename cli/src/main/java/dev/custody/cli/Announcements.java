package dev.custody.cli;

import dev.custody.app.Installation;
import java.io.PrintWriter;

/** What a first start tells the operator: where the passphrase went, the first operator account and the one-time token. */
final class Announcements {
    private Announcements() {}

    static void firstStart(PrintWriter out, Installation installation) {
        installation.generatedPassphraseFile().ifPresent(file -> {
            out.println("Generated the keyring passphrase and wrote it to " + file.toAbsolutePath() + " (mode 0600).");
            out.println("Keep it apart from backups of the data folder: without it the data folder is unreadable.");
        });
        installation.firstStart().ifPresent(first -> {
            out.println("First operator account (shown once, store it now):");
            out.println("  username: " + first.operator().value());
            out.println("  password: " + first.operatorPassword());
            out.println("  TOTP enrolment, for an authenticator app: " + first.totpEnrolment());
            out.println("Bootstrap admin token, for setting up (shown once; an operator retires it with"
                    + " DELETE /api/v1/bootstrap-token): " + first.bootstrapToken());
        });
        out.flush();
    }
}
