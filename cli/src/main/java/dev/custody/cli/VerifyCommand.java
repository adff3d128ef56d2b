package dev.custody.cli;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.audit.PublishedKeys;
import dev.custody.audit.ReceiptCheck;
import dev.custody.delivery.DeliveryRevocations;
import dev.custody.delivery.DeliveryVerifier;
import dev.custody.delivery.VerifiedDelivery;
import dev.custody.ledger.Checkpoint;
import dev.custody.ledger.CheckpointVerifier;
import dev.custody.ledger.LedgerExportReader;
import dev.custody.ledger.LedgerVerification;
import dev.custody.ledger.LedgerVerifier;
import dev.custody.receipt.ConsentReceipt;
import dev.custody.receipt.SignedConsentReceipt;
import dev.custody.receipt.SignedReceipt;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Offline verification: needs only the files and the published keys, never the server. */
@Command(
        name = "verify",
        description = "Verify ledger exports, receipts, checkpoints and delivered datasets offline.",
        subcommands = {
            VerifyCommand.Log.class,
            VerifyCommand.Receipt.class,
            VerifyCommand.Consistency.class,
            VerifyCommand.Dataset.class
        })
final class VerifyCommand {
    private static final long MAX_TEXT_FILE = 1 << 20;

    @Command(name = "log", description = "Recompute every root of an export and check every checkpoint against it.")
    static final class Log implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "EXPORT")
        Path export;

        @Option(
                names = "--keys",
                required = true,
                paramLabel = "FILE",
                description = "The published keys (custody ledger keys).")
        Path keys;

        @Option(
                names = "--checkpoint",
                paramLabel = "FILE",
                description = "A checkpoint kept earlier, which the export must still contain.")
        List<Path> kept = new ArrayList<>();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            List<Checkpoint> checkpoints = new ArrayList<>();
            for (Path file : kept) {
                checkpoints.add(Checkpoint.parse(readText(file)));
            }
            LedgerVerification result;
            try (InputStream in = Files.newInputStream(export)) {
                result = LedgerVerifier.of(readKeys(keys).ledger()).verify(LedgerExportReader.open(in), checkpoints);
            }
            return report(spec, result);
        }
    }

    @Command(
            name = "receipt",
            description =
                    "Check a clip or consent receipt's signature, its ledger entry, inclusion proof and checkpoint.")
    static final class Receipt implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE")
        Path receipt;

        @Option(names = "--keys", required = true, paramLabel = "FILE")
        Path keys;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            String text = readText(receipt);
            if (text.startsWith(ConsentReceipt.HEADER + "\n")) {
                var consent = SignedConsentReceipt.parse(text);
                var entry = ReceiptCheck.verify(consent, readKeys(keys));
                spec.commandLine()
                        .getOut()
                        .printf(
                                "Consent receipt verified: consent %s to version %d of the terms of %s (SHA-256 %s),"
                                        + " ledger entry %d, included in the signed tree of size %d.%n",
                                consent.receipt().consent(),
                                consent.receipt().termsVersion(),
                                consent.receipt().project(),
                                consent.receipt().termsSha256().hex(),
                                entry.index(),
                                consent.receipt().ledger().treeSize());
                return 0;
            }
            var signed = SignedReceipt.parse(text);
            var entry = ReceiptCheck.verify(signed, readKeys(keys));
            spec.commandLine()
                    .getOut()
                    .printf(
                            "Receipt verified: clip %s, ledger entry %d, included in the signed tree of size %d.%n",
                            signed.receipt().clip(),
                            entry.index(),
                            signed.receipt().ledger().orElseThrow().treeSize());
            return 0;
        }
    }

    @Command(
            name = "consistency",
            description =
                    "Check that a newer checkpoint extends an older one, against a ledger export that holds both.")
    static final class Consistency implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "OLD_CHECKPOINT")
        Path older;

        @Parameters(index = "1", paramLabel = "NEW_CHECKPOINT")
        Path newer;

        @Option(names = "--keys", required = true, paramLabel = "FILE")
        Path keys;

        @Option(
                names = "--export",
                required = true,
                paramLabel = "FILE",
                description = "A ledger export at least as large as the newer checkpoint.")
        Path export;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            var published = readKeys(keys);
            Checkpoint old = Checkpoint.parse(readText(older));
            Checkpoint current = Checkpoint.parse(readText(newer));
            var verifier = CheckpointVerifier.of(published.ledger());
            verifier.verify(old);
            verifier.verify(current);
            if (old.size() > current.size()) {
                throw CustodyException.invalidInput("the old checkpoint is larger than the new one");
            }
            try (InputStream in = Files.newInputStream(export)) {
                var result = LedgerVerifier.of(published.ledger())
                        .verify(LedgerExportReader.open(in), List.of(old, current));
                return report(spec, result);
            }
        }
    }

    @Command(
            name = "dataset",
            description = "Check a delivery folder: the signatures of provenance.json and its checkpoint, every"
                    + " inclusion proof, and the SHA-256 of croissant.json, of every shard and of every sample.")
    static final class Dataset implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR")
        Path folder;

        @Option(names = "--keys", required = true, paramLabel = "FILE")
        Path keys;

        @Option(
                names = "--feed",
                paramLabel = "FILE",
                description = "A saved page of the grant's revocation feed (repeat for consecutive pages, in"
                        + " order): lists the delivered keys that must now be deleted.")
        List<Path> feed = List.of();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            var ledgerKeys = readKeys(keys).ledger();
            VerifiedDelivery verified = DeliveryVerifier.of(ledgerKeys).verify(folder);
            var out = spec.commandLine().getOut();
            out.printf(
                    "Dataset verified: %d samples in %d shards, every ingest included in the signed tree"
                            + " of size %d.%n",
                    verified.keys().size(), verified.shards(), verified.checkpointSize());
            if (!feed.isEmpty()) {
                List<String> pages = new ArrayList<>();
                for (Path page : feed) {
                    pages.add(readText(page));
                }
                var revoked = DeliveryRevocations.revoked(folder, verified, pages, ledgerKeys);
                out.printf("Revocation feed verified: %d delivered keys must now be deleted.%n", revoked.size());
                revoked.forEach(entry ->
                        out.printf("revoked %s %s %s%n", entry.sampleKey(), entry.reason(), entry.revokedAt()));
            }
            return 0;
        }
    }

    private static int report(CommandSpec spec, LedgerVerification result) {
        return switch (result) {
            case LedgerVerification.Verified verified -> {
                spec.commandLine()
                        .getOut()
                        .printf(
                                "Ledger verified: %d entries, %d covered by signed checkpoints.%n",
                                verified.size(), verified.checkpointedSize());
                yield 0;
            }
            case LedgerVerification.Failed failed -> {
                spec.commandLine()
                        .getOut()
                        .printf(
                                "Ledger FAILED verification at index %d: %s%n",
                                failed.firstBadIndex(), failed.problem());
                yield ExitCodes.of(ErrorCode.INTEGRITY_FAILURE);
            }
        };
    }

    static PublishedKeys readKeys(Path file) throws IOException {
        return PublishedKeys.parse(readText(file));
    }

    private static String readText(Path file) throws IOException {
        if (Files.size(file) > MAX_TEXT_FILE) {
            throw CustodyException.invalidInput("file too large: " + file);
        }
        return Files.readString(file);
    }
}
