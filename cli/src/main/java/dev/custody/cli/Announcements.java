package dev.custody.cli;

import dev.custody.app.Installation;
import java.io.PrintWriter;

/** What a first start tells the operator: where the passphrase went and the one-time token. */
final class Announcements {
    private Announcements() {}

    static void firstStart(PrintWriter out, Installation installation) {
        installation.generatedPassphraseFile().ifPresent(file -> {
            out.println("Generated the keyring passphrase and wrote it to " + file.toAbsolutePath() + " (mode 0600).");
            out.println("Keep it apart from backups of the data folder: without it the data folder is unreadable.");
        });
        installation.bootstrapToken().ifPresent(token -> {
            out.println("Bootstrap admin token (shown once, store it now): " + token);
        });
        out.flush();
    }
}
