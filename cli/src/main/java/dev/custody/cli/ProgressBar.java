package dev.custody.cli;

import java.io.PrintWriter;

/** A one-line progress bar on the error stream, redrawn in place. */
final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final int total;
    private int done;

    ProgressBar(PrintWriter err, int total) {
        this.err = err;
        this.total = total;
    }

    void step(int accepted, int rejected) {
        done++;
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        err.printf(
                "\r[%s%s] %d/%d  accepted %d  rejected %d",
                "#".repeat(filled), " ".repeat(WIDTH - filled), done, total, accepted, rejected);
        err.flush();
    }

    void finish() {
        err.println();
        err.flush();
    }
}
