package dev.custody.cli;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.access.Principal;
import dev.custody.keyadmin.KekVersionStatus;
import dev.custody.keyadmin.KeyStatus;
import dev.custody.keyadmin.PurposeProgress;
import dev.custody.keyadmin.PurposeStatus;
import dev.custody.keyadmin.RewrapProgress;
import dev.custody.keys.KeyPurpose;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The key-encryption keys of the embedded default, with the server stopped: status, rotation,
 * rewrapping and destruction. The local operator holds the data folder and its passphrase, so acts
 * with full authority, as {@link EraseCommand} does.
 */
@Command(
        name = "keys",
        description = "Rotate, rewrap and destroy the key-encryption keys.",
        subcommands = {
            KeysCommand.Status.class,
            KeysCommand.Rotate.class,
            KeysCommand.Rewrap.class,
            KeysCommand.Destroy.class,
            KeysCommand.Retention.class
        })
final class KeysCommand {
    @Command(name = "status", description = "Show each KEK's versions and how many keys each still wraps.")
    static final class Status implements Callable<Integer> {
        @Mixin
        DataFolderOption dataFolder;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (var installation = dataFolder.open()) {
                print(
                        spec.commandLine().getOut(),
                        installation.custody().services().keys().status(admin()));
            }
            return 0;
        }

        private static void print(PrintWriter out, KeyStatus status) {
            for (PurposeStatus purpose : status.purposes()) {
                out.printf(
                        "%s: active %s, %d keys to rewrap%n",
                        name(purpose.purpose()), purpose.active(), purpose.remaining());
                for (KekVersionStatus version : purpose.versions()) {
                    String state = version.active() ? "active" : version.live() ? "retired" : "destroyed";
                    out.printf("  %-28s %-9s %d keys%n", version.kek(), state, version.rows());
                }
            }
            out.printf("backup retention: %d days%n", status.backupRetention().toDays());
            if (status.schedule().every().isEmpty()) {
                out.println(
                        "scheduled rotation: none (set keys.rotate-every-days); an erased key may open from a"
                                + " backup, a dump or PostgreSQL's old row versions until its KEK version is destroyed by hand");
                return;
            }
            out.printf(
                    "scheduled rotation: every %d days, next %s%n",
                    status.schedule().every().get().toDays(),
                    status.nextRotation().map(Object::toString).orElse("at the server's first run plus the interval"));
            out.printf(
                    "worst case from an erasure to no copy anywhere opening it: %d days (rotation interval + backup"
                            + " retention, plus the rewrap)%n",
                    status.erasureReachesEveryCopyWithin().orElseThrow().toDays());
        }
    }

    @Command(name = "rotate", description = "Make a new version of a KEK active; the old one keeps unwrapping.")
    static final class Rotate implements Callable<Integer> {
        @Mixin
        DataFolderOption dataFolder;

        @Option(names = "--kek", required = true, paramLabel = "voice|identity")
        KeyPurpose purpose;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (var installation = dataFolder.open()) {
                var kek = installation.custody().services().keys().rotate(admin(), purpose);
                spec.commandLine()
                        .getOut()
                        .printf(
                                "Rotated the %s KEK: %s is active. Run 'custody keys rewrap' next.%n",
                                name(purpose), kek);
            }
            return 0;
        }
    }

    @Command(name = "rewrap", description = "Move every key wrapped under an older KEK version to the active one.")
    static final class Rewrap implements Callable<Integer> {
        @Mixin
        DataFolderOption dataFolder;

        @Option(
                names = "--batch",
                defaultValue = "500",
                paramLabel = "N",
                description = "Keys per transaction (default: ${DEFAULT-VALUE}).")
        int batchSize;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (var installation = dataFolder.open()) {
                var keys = installation.custody().services().keys();
                long total = 0;
                RewrapProgress progress = keys.rewrap(admin(), batchSize);
                try (var bar = Progress.start(
                        spec.commandLine().getErr(), "Rewrap", progress.rewrapped() + progress.remaining(), "keys")) {
                    while (true) {
                        total += progress.rewrapped();
                        bar.stepBy(progress.rewrapped());
                        // Progress comes from the database, so a batch that moved nothing cannot loop forever.
                        if (progress.finished() || progress.rewrapped() == 0) {
                            break;
                        }
                        progress = keys.rewrap(admin(), batchSize);
                    }
                }
                out.printf("rewrapped %d, remaining %s%n", total, remaining(progress));
                long lost = progress.purposes().stream()
                        .mapToLong(PurposeProgress::unrecoverable)
                        .sum();
                if (lost > 0) {
                    out.printf("%d keys are wrapped under destroyed KEK versions and can never be opened.%n", lost);
                }
                if (!progress.finished()) {
                    throw new CustodyException(
                            ErrorCode.CONFLICT,
                            "rewrap stopped with " + progress.remaining() + " keys left; run it again");
                }
                out.printf("Rewrap finished: %d keys rewrapped.%n", total);
                return 0;
            }
        }

        private static String remaining(RewrapProgress progress) {
            return progress.purposes().stream()
                    .map(purpose -> name(purpose.purpose()) + " " + purpose.remaining())
                    .collect(Collectors.joining(", "));
        }
    }

    @Command(
            name = "destroy",
            description = "Destroy an old KEK version for good, once nothing and no backup needs it.")
    static final class Destroy implements Callable<Integer> {
        @Mixin
        DataFolderOption dataFolder;

        @Option(names = "--kek", required = true, paramLabel = "voice|identity")
        KeyPurpose purpose;

        @Option(names = "--version", required = true, paramLabel = "N")
        int version;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (var installation = dataFolder.open()) {
                var kek = installation.custody().services().keys().destroy(admin(), purpose, version);
                spec.commandLine().getOut().printf("Destroyed %s: what it wrapped can never be opened again.%n", kek);
            }
            return 0;
        }
    }

    @Command(
            name = "retention",
            description = "Set how many days backups are kept, which old KEK versions must outlive.")
    static final class Retention implements Callable<Integer> {
        @Mixin
        DataFolderOption dataFolder;

        @Option(names = "--days", required = true, paramLabel = "DAYS")
        int days;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (var installation = dataFolder.open()) {
                installation.custody().services().keys().setBackupRetention(admin(), days);
                spec.commandLine().getOut().printf("Backup retention set to %d days.%n", days);
            }
            return 0;
        }
    }

    private static Principal admin() {
        return Principal.bootstrapAdmin();
    }

    private static String name(KeyPurpose purpose) {
        return purpose.name().toLowerCase(Locale.ROOT);
    }
}
