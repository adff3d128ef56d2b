package dev.custody.cli;

import java.io.PrintWriter;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress of a long command (ingest, rewrap, export) on the error stream, through {@code
 * me.tongfei:progressbar}: on a terminal a bar redrawn in place with the rate and the time left; to
 * a file or a pipe a plain line every few seconds, so a log is not flooded with redraws.
 */
final class Progress implements AutoCloseable {
    private static final Duration LINE_EVERY = Duration.ofSeconds(5);

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    static Progress start(PrintWriter err, String task, long total, String unit) {
        var builder = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setUnit(" " + unit, 1)
                .showSpeed()
                .setStyle(ProgressBarStyle.ASCII);
        if (onTerminal()) {
            builder.setConsumer(new ConsoleProgressBarConsumer(System.err));
        } else {
            builder.setUpdateIntervalMillis((int) LINE_EVERY.toMillis())
                    .setConsumer(new DelegatingProgressBarConsumer(line -> {
                        err.println(line.strip());
                        err.flush();
                    }));
        }
        return new Progress(builder.build());
    }

    /** Counts steps already done before this run (a resumed export). */
    void skip(long done) {
        bar.stepTo(done);
    }

    void step(String message) {
        bar.step();
        bar.setExtraMessage(message);
    }

    void stepBy(long steps) {
        bar.stepBy(steps);
    }

    @Override
    public void close() {
        bar.close();
    }

    private static boolean onTerminal() {
        var console = System.console();
        return console != null && console.isTerminal();
    }
}
