package dev.custody.cli;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Services;
import dev.custody.access.Principal;
import dev.custody.clip.IdempotencyKey;
import dev.custody.clip.IngestRequest;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "ingest",
        description = "Ingest every file of a folder as clips of one contributor, with a progress bar and a summary.")
final class IngestCommand implements Callable<Integer> {
    private static final Pattern LEADING_INDEX = Pattern.compile("^([0-9]{1,6})[^0-9].*");

    @Mixin
    DataFolderOption dataFolder;

    @Parameters(index = "0", paramLabel = "FOLDER", description = "Folder of WAV or FLAC files.")
    Path folder;

    @Option(names = "--project", required = true, paramLabel = "PROJECT")
    String project;

    @Option(names = "--contributor", required = true, paramLabel = "PSEUDONYM")
    String contributor;

    @Option(
            names = "--prompt",
            defaultValue = "0",
            description = "Prompt index for files whose name does not start with one (e.g. 12_take2.wav).")
    int defaultPrompt;

    @Option(names = "--receipts", paramLabel = "FOLDER", description = "Write each signed receipt to this folder.")
    Optional<Path> receipts;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<Path> files = listFiles();
        Map<String, Integer> rejected = new TreeMap<>();
        int accepted = 0;
        int earlier = 0;
        int rejectedFiles = 0;
        try (var installation = dataFolder.open();
                var progress = Progress.start(spec.commandLine().getErr(), "Ingest", files.size(), "files")) {
            Services services = installation.custody().services();
            for (Path file : files) {
                Outcome outcome = ingestOne(services, file);
                if (outcome.failure().isEmpty()) {
                    accepted++;
                    earlier += outcome.replayed() ? 1 : 0;
                } else {
                    rejectedFiles++;
                    rejected.merge(outcome.failure().get(), 1, Integer::sum);
                }
                progress.step("accepted " + accepted + ", rejected " + rejectedFiles);
            }
        }
        printSummary(accepted, earlier, rejected);
        return rejected.isEmpty() ? 0 : 4;
    }

    private Outcome ingestOne(Services services, Path file) throws IOException {
        var request = new IngestRequest(new ProjectId(project), new Pseudonym(contributor), promptOf(file));
        IdempotencyKey key = keyOf(request, file);
        try (InputStream in = Files.newInputStream(file)) {
            var result = services.ingest().ingest(Principal.bootstrapAdmin(), request, Optional.of(key), in);
            if (receipts.isPresent()) {
                Files.createDirectories(receipts.get());
                Files.writeString(
                        receipts.get().resolve(result.clip().id().value() + ".receipt"),
                        result.receipt().toText(),
                        StandardCharsets.UTF_8);
            }
            return new Outcome(Optional.empty(), result.replayed());
        } catch (CustodyException e) {
            if (e.code() == ErrorCode.NOT_FOUND
                    || e.code() == ErrorCode.ERASED
                    || e.code() == ErrorCode.CONSENT_REQUIRED) {
                throw e; // Every other file would fail the same way.
            }
            return new Outcome(Optional.of(e.code().name()), false);
        }
    }

    /**
     * The file's idempotency key: derived from its bytes and where it goes, so a re-run of an
     * interrupted ingest is answered with the clips already recorded instead of storing them again.
     */
    private static IdempotencyKey keyOf(IngestRequest request, Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        byte[] fileSha256 = digest.digest();
        digest.update(
                (request.project().value() + "\n" + request.contributor().value() + "\n" + request.promptIndex() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
        return new IdempotencyKey("ingest-" + HexFormat.of().formatHex(digest.digest(fileSha256)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    /** A file's refusal, if it was refused; else whether an earlier run had recorded it already. */
    private record Outcome(Optional<String> failure, boolean replayed) {}

    private int promptOf(Path file) {
        var matcher = LEADING_INDEX.matcher(file.getFileName().toString());
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : defaultPrompt;
    }

    private List<Path> listFiles() throws IOException {
        if (!Files.isDirectory(folder)) {
            throw CustodyException.invalidInput("not a folder: " + folder);
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    private void printSummary(int accepted, int earlier, Map<String, Integer> rejected) {
        var out = spec.commandLine().getOut();
        int total = accepted
                + rejected.values().stream().mapToInt(Integer::intValue).sum();
        out.printf("%d files: %d accepted, %d rejected%n", total, accepted, total - accepted);
        if (earlier > 0) {
            out.printf("  %d of the accepted were recorded by an earlier run%n", earlier);
        }
        rejected.forEach((reason, count) -> out.printf("  %-32s %d%n", reason, count));
        out.flush();
    }
}
