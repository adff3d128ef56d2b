package dev.custody.bench;

import dev.custody.Money;
import dev.custody.Services;
import dev.custody.Sha256;
import dev.custody.access.Principal;
import dev.custody.app.EmbeddedInstallation;
import dev.custody.app.Installation;
import dev.custody.audio.AudioLimits;
import dev.custody.audio.SampleEncoding;
import dev.custody.clip.ClipId;
import dev.custody.clip.IngestRequest;
import dev.custody.consent.PaperConsent;
import dev.custody.contributor.Identity;
import dev.custody.delivery.ClipDeliverySource;
import dev.custody.delivery.DatasetDescription;
import dev.custody.delivery.DeliveryProgress;
import dev.custody.delivery.DeliveryWriter;
import dev.custody.delivery.HmacDeliveryKeys;
import dev.custody.keys.Passphrases;
import dev.custody.keys.SecretBytes;
import dev.custody.project.Commission;
import dev.custody.project.NewProject;
import dev.custody.project.Purpose;
import dev.custody.project.Purposes;
import dev.custody.testkit.TestArgon2;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code custody bench export}: MB/s of audio delivered end to end (metadata read, each clip opened
 * through the custodian: ledger entry, key unwrap, decryption and verification; then hashing, tar
 * and durable shard writes, proofs, croissant.json and the signed provenance.json) against a
 * baseline measured in the same run: the same plaintext clips, as files on the same disk, tarred
 * with the same library into one file that is then synced. Clips are ingested for real first. An
 * untimed round of each warms the JIT; then rounds alternate, and the median of each counts.
 */
public final class ExportBench {
    private static final String PURPOSE = "quality-check";
    private static final int INGEST_WRITERS = 32;
    /** A contributor records a prompt at most 1,000 times. */
    private static final int PROMPTS = 100;

    private final Path workFolder;
    private final int clips;
    private final int rounds;
    private final int parallelism;
    /** Per export round: the time after the last sample, spent on proofs, croissant.json and provenance.json. */
    private final List<Double> manifestSeconds = new ArrayList<>();

    public ExportBench(Path workFolder, int clips, int rounds, int parallelism) {
        this.workFolder = workFolder;
        this.clips = clips;
        this.rounds = rounds;
        this.parallelism = parallelism;
    }

    public BenchReport run() throws Exception {
        var set = ClipSet.generate("16kHz-16bit-mono-5s", clips, Duration.ofSeconds(5), 16_000, SampleEncoding.PCM_16);
        String passphrase = new String(Passphrases.generate().toArray(), StandardCharsets.UTF_8);
        try (Installation opened = EmbeddedInstallation.open(
                workFolder.resolve("data"),
                Map.of("CUSTODY_PASSPHRASE", passphrase),
                TestArgon2.parameters(),
                Clock.systemUTC())) {
            Services services = opened.custody().services();
            List<ClipId> ingested = ingest(services, set);
            Path plain = Files.createDirectories(workFolder.resolve("plain"));
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < set.size(); i++) {
                files.add(Files.write(plain.resolve("clip-" + i + ".wav"), set.clip(i)));
            }
            var source = new ClipDeliverySource(
                    opened.custody().metadataStore(),
                    services.custodian(),
                    Principal.bootstrapAdmin(),
                    PURPOSE,
                    new DatasetDescription(
                            "Benchmark",
                            "Synthetic speech.",
                            "Benchmark Org",
                            "urn:benchmark",
                            List.of("asr-training"),
                            List.of(),
                            "0.10 EUR per accepted clip"),
                    ingested);
            DeliveryWriter writer = opened.custody().deliveryWriter(DeliveryWriter.DEFAULT_SHARD_BYTES, parallelism);
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            var keys = HmacDeliveryKeys.of("benchmark-grant", SecretBytes.takeOwnership(secret));
            // Untimed: the JIT compiles the export path and the tar path before either is timed.
            timedExport(writer, source, keys, "warm-up");
            timedTar(files, "warm-up");
            List<Double> exports = new ArrayList<>();
            List<Double> tars = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                tars.add(timedTar(files, "r" + round));
                exports.add(timedExport(writer, source, keys, "r" + round));
            }
            double megabytes = set.totalBytes() / 1e6;
            Map<String, Object> extras = new LinkedHashMap<>();
            extras.put("clips", clips);
            extras.put("rounds", rounds);
            extras.put("openers", parallelism);
            extras.put("set", set.name());
            extras.put("megabytes_of_audio", BenchReport.round(megabytes));
            extras.put("export_seconds", BenchReport.round(median(exports)));
            extras.put("baseline_tar_seconds", BenchReport.round(median(tars)));
            extras.put("export_clips_per_s", BenchReport.round(clips / median(exports)));
            extras.put(
                    "export_manifest_seconds",
                    BenchReport.round(median(manifestSeconds.subList(1, manifestSeconds.size()))));
            extras.put("cores", Runtime.getRuntime().availableProcessors());
            return new BenchReport(
                    "export_throughput", megabytes / median(exports), "MB/s", megabytes / median(tars), "MB/s", extras);
        }
    }

    private double timedExport(DeliveryWriter writer, ClipDeliverySource source, HmacDeliveryKeys keys, String round)
            throws IOException {
        Path out = workFolder.resolve("export-" + round);
        long start = System.nanoTime();
        long[] lastSample = {start};
        writer.write(source, keys, out, new DeliveryProgress() {
            @Override
            public void started(long samples, long alreadyDone) {}

            @Override
            public void written(long bytes) {
                lastSample[0] = System.nanoTime();
            }
        });
        long end = System.nanoTime();
        double seconds = (end - start) / 1e9;
        manifestSeconds.add((end - lastSample[0]) / 1e9);
        TarBaseline.delete(out);
        return seconds;
    }

    private double timedTar(List<Path> files, String round) throws IOException {
        Path out = Files.createDirectories(workFolder.resolve("tar-" + round));
        long start = System.nanoTime();
        TarBaseline.write(files, out.resolve("plain.tar"));
        double seconds = (System.nanoTime() - start) / 1e9;
        TarBaseline.delete(out);
        return seconds;
    }

    private static List<ClipId> ingest(Services services, ClipSet set) throws Exception {
        var admin = Principal.bootstrapAdmin();
        var organization = services.projects().createOrganization(admin, "Benchmark Org");
        var project = services.projects()
                .createProject(
                        admin,
                        organization.id(),
                        new NewProject(
                                "Benchmark",
                                java.util.stream.IntStream.range(0, PROMPTS)
                                        .mapToObj(i -> "Prompt number " + i + ".")
                                        .toList(),
                                1,
                                Duration.ofDays(30),
                                AudioLimits.DEFAULT,
                                new Commission("en", 1_000_000, 1_000, 1, Money.parse("0.10", "EUR")),
                                new Purposes(Set.of(Purpose.ASR_TRAINING), Set.of())));
        var contributor = services.contributors().register(admin, new Identity("Bench Mark", "bench@example.org"));
        services.consent()
                .recordPaperConsent(
                        admin,
                        contributor.pseudonym(),
                        new PaperConsent(
                                project.id(),
                                1,
                                services.consent()
                                        .currentTerms(admin, project.id())
                                        .sha256(),
                                Sha256.of("scanned consent form"),
                                "Wendy Witness"));
        List<ClipId> ids = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool =
                Executors.newFixedThreadPool(INGEST_WRITERS, Thread.ofVirtual().factory())) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < set.size(); i++) {
                byte[] clip = set.clip(i);
                var request = new IngestRequest(project.id(), contributor.pseudonym(), i % PROMPTS);
                futures.add(pool.submit(() -> ids.add(services.ingest()
                        .ingest(admin, request, new ByteArrayInputStream(clip))
                        .clip()
                        .id())));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        return List.copyOf(ids);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
