package dev.custody.bench;

import dev.custody.cli.ErrorReporter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code custody bench}: its own main class, which the {@code custody} launcher runs on the bench
 * module's class path, so that JMH and the benchmark harness are never on the class path of a
 * serving node.
 */
@Command(
        name = "custody bench",
        mixinStandardHelpOptions = true,
        version = "custody 0.1.0",
        description = "Benchmarks, each reported against a baseline measured in the same run.",
        subcommands = {
            BenchCommand.Ingest.class,
            BenchCommand.Export.class,
            BenchCommand.Crypto.class,
            BenchCommand.LedgerAppends.class,
            BenchCommand.Scale.class
        })
public final class BenchCommand {
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand())
                .setExecutionExceptionHandler(new ErrorReporter())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args));
    }

    @Command(
            name = "ingest",
            description = "End-to-end ingest against plain fsync'd file writes (in the work folder), on the"
                    + " embedded default or on the backends of a configuration file.")
    static final class Ingest implements Callable<Integer> {
        @Option(
                names = "--config",
                paramLabel = "FILE",
                description = "Ingest into the backends this file names (secrets from the environment);"
                        + " scripts/bench-production-backends starts PostgreSQL, S3Proxy and a SoftHSM2 token.")
        Optional<Path> config;

        @Option(
                names = "--clips",
                defaultValue = "1000",
                description = "Clips per round and set (default: ${DEFAULT-VALUE}).")
        int clips;

        @Option(
                names = "--writers",
                defaultValue = "64",
                description = "Concurrent writers (default: ${DEFAULT-VALUE}).")
        int writers;

        @Option(
                names = "--rounds",
                defaultValue = "3",
                description = "Timed rounds; the median counts (default: ${DEFAULT-VALUE}).")
        int rounds;

        @Option(
                names = "--warm-up",
                paramLabel = "SECONDS",
                defaultValue = "60",
                description = "Untimed ingest before the timed rounds, so they run on compiled code"
                        + " (default: ${DEFAULT-VALUE}).")
        int warmUpSeconds;

        @Mixin
        WorkFolder workFolder;

        @Mixin
        BenchOutput output;

        @Override
        public Integer call() throws Exception {
            try (var work = workFolder.create()) {
                BenchReport report = new IngestBench(
                                work.path(), config, clips, writers, rounds, Duration.ofSeconds(warmUpSeconds))
                        .run();
                return output.report(report);
            }
        }
    }

    @Command(
            name = "export",
            description = "Clips ingested for real, then delivered end to end (open, verify, hash, tar, write) against"
                    + " tarring the same plaintext files to the same disk.")
    static final class Export implements Callable<Integer> {
        @Option(
                names = "--clips",
                defaultValue = "2000",
                description = "Five-second clips to ingest and export (default: ${DEFAULT-VALUE}).")
        int clips;

        @Option(
                names = "--rounds",
                defaultValue = "3",
                description = "Timed rounds; the median counts (default: ${DEFAULT-VALUE}).")
        int rounds;

        @Option(
                names = "--openers",
                defaultValue = "32",
                description = "Clips opened at once ahead of the writer (default: ${DEFAULT-VALUE}).")
        int openers;

        @Mixin
        WorkFolder workFolder;

        @Mixin
        BenchOutput output;

        @Override
        public Integer call() throws Exception {
            try (var work = workFolder.create()) {
                return output.report(new ExportBench(work.path(), clips, rounds, openers).run());
            }
        }
    }

    @Command(name = "crypto", description = "JMH: streaming clip encryption per segment size against raw AES-GCM.")
    static final class Crypto implements Callable<Integer> {
        @Option(
                names = "--seconds",
                defaultValue = "2",
                description = "Seconds per JMH iteration (default: ${DEFAULT-VALUE}).")
        int seconds;

        @Mixin
        BenchOutput output;

        @Override
        public Integer call() throws Exception {
            BenchReport report = new CryptoBench(seconds, seconds).run();
            return output.report(report);
        }
    }

    @Command(
            name = "ledger",
            description = "Durable ledger appends from concurrent writers, proofs and export verification.")
    static final class LedgerAppends implements Callable<Integer> {
        @Option(
                names = "--writers",
                defaultValue = "256",
                description = "Concurrent writers (default: ${DEFAULT-VALUE}).")
        int writers;

        @Option(
                names = "--appends",
                defaultValue = "1000",
                description = "Appends per writer (default: ${DEFAULT-VALUE}).")
        int appends;

        @Option(
                names = "--proof-size",
                defaultValue = "1000000",
                description = "Log size for the proof and export figures (default: ${DEFAULT-VALUE}).")
        long proofSize;

        @Mixin
        WorkFolder workFolder;

        @Mixin
        BenchOutput output;

        @Override
        public Integer call() throws IOException {
            try (var work = workFolder.create()) {
                BenchReport report = new LedgerBench(work.path(), writers, appends, proofSize).run();
                return output.report(report);
            }
        }
    }

    @Command(
            name = "scale",
            description = "PostgreSQL filled by COPY to a given size: listing a contributor's clips, erasing ones with"
                    + " 10, 1,000 and 10,000 clips and starting a project's export plan, against a primary-key"
                    + " SELECT.")
    static final class Scale implements Callable<Integer> {
        @Option(
                names = "--jdbc-url",
                required = true,
                paramLabel = "URL",
                description = "An empty PostgreSQL database to fill (jdbc:postgresql://HOST:PORT/DB); the password"
                        + " comes from $CUSTODY_DATABASE_PASSWORD.")
        String jdbcUrl;

        @Option(names = "--user", defaultValue = "postgres", description = "Database user (default: ${DEFAULT-VALUE}).")
        String user;

        @Option(
                names = "--contributors",
                defaultValue = "4000",
                description = "Contributors (default: ${DEFAULT-VALUE}; full size 40000).")
        int contributors;

        @Option(
                names = "--clips",
                defaultValue = "1500000",
                description = "Clips (default: ${DEFAULT-VALUE}; full size 15000000).")
        long clips;

        @Mixin
        BenchOutput output;

        @Override
        public Integer call() throws Exception {
            String password = Objects.requireNonNullElse(System.getenv("CUSTODY_DATABASE_PASSWORD"), "");
            BenchReport report = new ScaleBench(jdbcUrl, user, password, contributors, clips).run();
            return output.report(report);
        }
    }
}
