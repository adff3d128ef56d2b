package dev.custody.bench;

import dev.custody.Money;
import dev.custody.Services;
import dev.custody.Sha256;
import dev.custody.access.Principal;
import dev.custody.app.ConfiguredInstallation;
import dev.custody.app.EmbeddedInstallation;
import dev.custody.app.Installation;
import dev.custody.audio.AudioLimits;
import dev.custody.audio.SampleEncoding;
import dev.custody.clip.IngestRequest;
import dev.custody.consent.PaperConsent;
import dev.custody.contributor.Identity;
import dev.custody.contributor.Pseudonym;
import dev.custody.keys.Passphrases;
import dev.custody.project.Commission;
import dev.custody.project.NewProject;
import dev.custody.project.ProjectId;
import dev.custody.project.Purpose;
import dev.custody.project.Purposes;
import dev.custody.testkit.TestArgon2;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.DoubleStream;

/**
 * {@code custody bench ingest}: clips per second through the whole ingest pipeline (parse, quality
 * gate, hash, encrypt, durable blob write, durable row, signed receipt) on the embedded default or
 * on the backends a configuration file names, against a baseline measured in the
 * same run: the same bytes written as plain files with fsync to the same disk, by the same number
 * of concurrent writers. Beside it, a second baseline writes them durably (temporary file, fsync,
 * rename, fsync of the folder), as any crash-safe store must. Rounds alternate between the three
 * so that drift of the machine affects all alike; the median round of each counts.
 */
public final class IngestBench {
    private static final int MIN_WARMUP_ROUNDS = 2;

    private final Path workFolder;
    private final Optional<Path> configFile;
    private final int clipsPerSet;
    private final int writers;
    private final int rounds;
    private final Duration warmUp;

    /**
     * With no {@code configFile}, on the embedded default in the work folder; with one, on the backends
     * it names (secrets from the environment, as for {@code custody serve --config}).
     */
    public IngestBench(
            Path workFolder, Optional<Path> configFile, int clipsPerSet, int writers, int rounds, Duration warmUp) {
        this.workFolder = workFolder;
        this.configFile = configFile;
        this.clipsPerSet = clipsPerSet;
        this.writers = writers;
        this.rounds = rounds;
        this.warmUp = warmUp;
    }

    public BenchReport run() throws Exception {
        var speech16k = ClipSet.generate(
                "16kHz-16bit-mono-5s", clipsPerSet, Duration.ofSeconds(5), 16_000, SampleEncoding.PCM_16);
        var speech48k = ClipSet.generate(
                "48kHz-24bit-mono-5s", clipsPerSet, Duration.ofSeconds(5), 48_000, SampleEncoding.PCM_24);
        String passphrase = new String(Passphrases.generate().toArray(), java.nio.charset.StandardCharsets.UTF_8);
        try (Installation opened = open(passphrase)) {
            var target = Target.create(opened.custody().services());
            // Both sets warm up before either is timed: a small clip has few ciphertext segments, so
            // the small set alone would not call AES-GCM often enough for C2 to compile its intrinsic.
            warmUp(List.of(speech16k, speech48k), target);
            long compilingBefore = compilationMillis();
            Measured small = measure(speech16k, target);
            Measured large = measure(speech48k, target);
            long compilingInTimedRounds = compilationMillis() - compilingBefore;
            double smallFloor = HashAndEncryptFloor.cpuMillisPerClip(speech16k);
            double largeFloor = HashAndEncryptFloor.cpuMillisPerClip(speech48k);
            Map<String, Object> extras = new LinkedHashMap<>();
            extras.put("backends", configFile.isEmpty() ? "embedded default" : "configuration file");
            extras.put("writers", writers);
            extras.put("clips_per_round", clipsPerSet);
            extras.put("rounds", rounds);
            extras.put("warm_up_seconds", warmUp.toSeconds());
            extras.put("jit_compiling_ms_in_timed_rounds", compilingInTimedRounds);
            putFigures(extras, "", small, smallFloor);
            extras.put("set", speech16k.name());
            String set48k = "set_48k_24bit_";
            extras.put(set48k + "clips_per_s", BenchReport.round(large.ingest().clipsPerSecond()));
            extras.put(
                    set48k + "baseline_clips_per_s",
                    BenchReport.round(large.plain().clipsPerSecond()));
            extras.put(
                    set48k + "ratio",
                    BenchReport.round(
                            large.ingest().clipsPerSecond() / large.plain().clipsPerSecond()));
            putFigures(extras, set48k, large, largeFloor);
            return new BenchReport(
                    "ingest_throughput",
                    small.ingest().clipsPerSecond(),
                    "clips/s",
                    small.plain().clipsPerSecond(),
                    "clips/s",
                    extras);
        }
    }

    /** The figures of one set beside its rates, each name after {@code prefix}. */
    private static void putFigures(Map<String, Object> extras, String prefix, Measured set, double floor) {
        extras.put(prefix + "mb_per_s", BenchReport.round(set.ingest().mbPerSecond()));
        extras.put(prefix + "baseline_mb_per_s", BenchReport.round(set.plain().mbPerSecond()));
        extras.put(prefix + "cpu_ms_per_clip", BenchReport.round(set.ingest().cpuMillisPerClip()));
        extras.put(
                prefix + "baseline_cpu_ms_per_clip",
                BenchReport.round(set.plain().cpuMillisPerClip()));
        extras.put(prefix + "baseline_cores_busy", BenchReport.round(set.plain().coresBusy()));
        extras.put(prefix + "hash_and_encrypt_cpu_ms_per_clip", BenchReport.round(floor));
        extras.put(
                prefix + "durable_baseline_clips_per_s",
                BenchReport.round(set.durable().clipsPerSecond()));
        extras.put(
                prefix + "durable_baseline_cpu_ms_per_clip",
                BenchReport.round(set.durable().cpuMillisPerClip()));
        extras.put(
                prefix + "ratio_to_durable_baseline",
                BenchReport.round(set.ingest().clipsPerSecond() / set.durable().clipsPerSecond()));
    }

    private Installation open(String passphrase) {
        if (configFile.isPresent()) {
            return ConfiguredInstallation.initialize(
                    configFile.get(), System.getenv(), TestArgon2.parameters(), Clock.systemUTC());
        }
        return EmbeddedInstallation.open(
                workFolder.resolve("data"),
                Map.of("CUSTODY_PASSPHRASE", passphrase),
                TestArgon2.parameters(),
                Clock.systemUTC());
    }

    /**
     * Untimed rounds of both sets in turn, for at least the warm-up time: AES-GCM runs some 50 times
     * slower until C2 compiles its intrinsic, which takes thousands of calls, and the JIT goes on
     * compiling the rest of the pipeline for many seconds more, on the same two cores the timed
     * rounds would use: after 20 s the compiler threads still took 15% of the CPU of the timed
     * rounds here, after 60 s under 1%. A server runs warm; so do the timed rounds.
     */
    private void warmUp(List<ClipSet> sets, Target target) throws IOException {
        long end = System.nanoTime() + warmUp.toNanos();
        for (int round = 0; round < MIN_WARMUP_ROUNDS || System.nanoTime() < end; round++) {
            Target fresh = target.withNewContributor();
            for (ClipSet set : sets) {
                timed(set, i -> fresh.ingest(set.clip(i)));
            }
        }
        for (ClipSet set : sets) {
            Path baselineFolder = Files.createDirectories(workFolder.resolve("baseline-" + set.name()));
            timed(set, i -> writePlain(baselineFolder, "warm-" + i, set.clip(i)));
            timed(set, i -> writeDurably(baselineFolder, "warm-durable-" + i, set.clip(i)));
        }
    }

    private Measured measure(ClipSet set, Target target) throws IOException {
        Path baselineFolder = Files.createDirectories(workFolder.resolve("baseline-" + set.name()));
        List<Phase> plain = new ArrayList<>();
        List<Phase> durable = new ArrayList<>();
        List<Phase> ingest = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            String prefix = "r" + round + "-";
            plain.add(phase(set, i -> writePlain(baselineFolder, prefix + i, set.clip(i))));
            durable.add(phase(set, i -> writeDurably(baselineFolder, prefix + "durable-" + i, set.clip(i))));
            Target fresh = target.withNewContributor();
            ingest.add(phase(set, i -> fresh.ingest(set.clip(i))));
        }
        return new Measured(Phase.median(ingest), Phase.median(plain), Phase.median(durable));
    }

    /** One timed round of the task over the set: its wall time and the process's CPU time. */
    private Phase phase(ClipSet set, IntConsumer task) {
        long cpu = processCpuNanos();
        double seconds = timed(set, task);
        return new Phase(seconds, (processCpuNanos() - cpu) / 1e9, set.size(), set.totalBytes());
    }

    /**
     * Time the JIT compilers have spent so far: what they spend during the timed rounds shows whether
     * the warm-up was long enough, since they compile on the same cores the rounds use.
     */
    private static long compilationMillis() {
        var compilers = ManagementFactory.getCompilationMXBean();
        // No JIT (an interpreter-only VM) compiles nothing.
        return compilers != null && compilers.isCompilationTimeMonitoringSupported()
                ? compilers.getTotalCompilationTime()
                : 0;
    }

    /**
     * CPU time of this process, user and kernel (the page-cache copies of writes are kernel time):
     * on a machine whose cores are all busy, this, not the disk, is what bounds both rates.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Runs the task for every clip of the set with {@code writers} concurrent threads; returns seconds. */
    private double timed(ClipSet set, IntConsumer task) {
        var next = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool =
                Executors.newFixedThreadPool(writers, Thread.ofVirtual().factory())) {
            List<Future<?>> futures = java.util.stream.IntStream.range(0, writers)
                    .mapToObj(w -> pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < set.size(); i = next.getAndIncrement()) {
                            task.accept(i);
                        }
                    }))
                    .<Future<?>>map(f -> f)
                    .toList();
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("benchmark round failed", e);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void writePlain(Path folder, String name, byte[] bytes) {
        try (FileChannel channel =
                FileChannel.open(folder.resolve(name), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same bytes written as any store must write a new file for it to survive a crash: into a
     * temporary file with fsync, renamed into place, then an fsync of the folder, without which the
     * new name may be lost. Reported beside the plain baseline, which the goal is measured against,
     * to tell the cost of durability from the cost of the rest of ingest.
     */
    private static void writeDurably(Path folder, String name, byte[] bytes) {
        writePlain(folder, name + ".tmp", bytes);
        try {
            Files.move(folder.resolve(name + ".tmp"), folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel entries = FileChannel.open(folder, StandardOpenOption.READ)) {
                entries.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One project, contributor and consent to ingest into. */
    private record Target(Services services, IngestRequest request) {
        static Target create(Services services) {
            var admin = Principal.bootstrapAdmin();
            var organization = services.projects().createOrganization(admin, "Benchmark Org");
            var project = services.projects()
                    .createProject(
                            admin,
                            organization.id(),
                            new NewProject(
                                    "Benchmark",
                                    List.of("The quick brown fox."),
                                    1,
                                    Duration.ofDays(30),
                                    AudioLimits.DEFAULT,
                                    new Commission("en", 1_000_000, 1_000, 1, Money.parse("0.10", "EUR")),
                                    new Purposes(Set.of(Purpose.ASR_TRAINING), Set.of())));
            return new Target(services, new IngestRequest(project.id(), contributor(services, project.id()), 0));
        }

        /**
         * The same project with a contributor who has uploaded nothing yet: each round ingests the
         * same clips, which a contributor who has them already would be refused (DUPLICATE_AUDIO).
         */
        Target withNewContributor() {
            return new Target(
                    services, new IngestRequest(request.project(), contributor(services, request.project()), 0));
        }

        private static Pseudonym contributor(Services services, ProjectId project) {
            var admin = Principal.bootstrapAdmin();
            var contributor = services.contributors().register(admin, new Identity("Bench Mark", "bench@example.org"));
            // The benchmark's contributors consent as a paper form recorded by staff would.
            var terms = services.consent().currentTerms(admin, project);
            services.consent()
                    .recordPaperConsent(
                            admin,
                            contributor.pseudonym(),
                            new PaperConsent(project, 1, terms.sha256(), Sha256.of("benchmark form"), "Bench Witness"));
            return contributor.pseudonym();
        }

        void ingest(byte[] clip) {
            services.ingest().ingest(Principal.bootstrapAdmin(), request, new ByteArrayInputStream(clip));
        }
    }

    /** The median rounds of ingest and of the two baselines, over one set. */
    private record Measured(Phase ingest, Phase plain, Phase durable) {}

    /** Rounds of one kind over a set of clips: wall and CPU seconds, and what they wrote. */
    private record Phase(double seconds, double cpuSeconds, int clips, long bytes) {
        /** Wall time and CPU time, each the median of the rounds'. */
        static Phase median(List<Phase> rounds) {
            Phase first = rounds.getFirst();
            return new Phase(
                    medianOf(rounds.stream().mapToDouble(Phase::seconds)),
                    medianOf(rounds.stream().mapToDouble(Phase::cpuSeconds)),
                    first.clips(),
                    first.bytes());
        }

        private static double medianOf(DoubleStream values) {
            double[] sorted = values.sorted().toArray();
            return sorted[sorted.length / 2];
        }

        double clipsPerSecond() {
            return clips / seconds;
        }

        double mbPerSecond() {
            return bytes / 1e6 / seconds;
        }

        double cpuMillisPerClip() {
            return cpuSeconds * 1e3 / clips;
        }

        /** How many cores the round kept busy on average; the machine's count means CPU-bound. */
        double coresBusy() {
            return cpuSeconds / seconds;
        }
    }
}
