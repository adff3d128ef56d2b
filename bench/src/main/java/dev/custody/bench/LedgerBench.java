package dev.custody.bench;

import dev.custody.Bytes;
import dev.custody.app.EmbeddedInstallation;
import dev.custody.audit.LedgerService;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.jdbc.JdbcMetadataStore;
import dev.custody.keys.Passphrases;
import dev.custody.ledger.Actor;
import dev.custody.ledger.ActorRole;
import dev.custody.ledger.ClipOpened;
import dev.custody.ledger.LedgerEntry;
import dev.custody.ledger.LedgerEntryCodec;
import dev.custody.ledger.LedgerExportReader;
import dev.custody.ledger.LedgerVerification;
import dev.custody.ledger.LedgerVerifier;
import dev.custody.ledger.MerkleHashes;
import dev.custody.project.ProjectId;
import dev.custody.testkit.TestArgon2;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * {@code custody bench ledger}: durable appends per second from many concurrent writers on the
 * embedded default (each append its own transaction, acknowledged only once committed; concurrent
 * transactions share commits), against the same rows inserted into the same database by the same
 * writers without hashing, tiles or head bookkeeping. Then, on a log grown to {@code proofSize}
 * entries, the time of an inclusion proof, the time to verify an export of the whole log, and the
 * times of the two lookups the log keeps keys for: an entry by leaf hash, and the newest page of
 * a contributor's entries.
 */
public final class LedgerBench {
    private static final Actor ACTOR = new Actor("bench-reviewer", ActorRole.REVIEWER);
    /** Lookups timed per figure. */
    private static final int LOOKUPS = 500;

    private final Path workFolder;
    private final int writers;
    private final int appendsPerWriter;
    private final long proofSize;

    public LedgerBench(Path workFolder, int writers, int appendsPerWriter, long proofSize) {
        this.workFolder = workFolder;
        this.writers = writers;
        this.appendsPerWriter = appendsPerWriter;
        this.proofSize = proofSize;
    }

    public BenchReport run() throws IOException {
        String passphrase = new String(Passphrases.generate().toArray(), StandardCharsets.UTF_8);
        try (var installation = EmbeddedInstallation.open(
                workFolder.resolve("data"),
                Map.of("CUSTODY_PASSPHRASE", passphrase),
                TestArgon2.parameters(),
                Clock.systemUTC())) {
            var store = (JdbcMetadataStore) installation.custody().metadataStore();
            var ledger = installation.custody().services().ledger();
            store.inJdbcTransaction(
                    r -> r.handle()
                            .execute(
                                    "CREATE TABLE IF NOT EXISTS bench_rows (idx INTEGER PRIMARY KEY, entry BLOB NOT NULL, leaf_hash BLOB NOT NULL)"));
            concurrently(i -> append(store, i)); // warm-up
            concurrently(i -> insertPlain(store, i)); // warm-up
            double appendsPerSecond = concurrently(i -> append(store, i));
            double insertsPerSecond = concurrently(i -> insertPlain(store, i));

            grow(store, proofSize);
            ledger.issueCheckpoint();
            // Appending must not slow down as the log (and its lookup keys) grow.
            double appendsPerSecondWhenGrown = concurrently(i -> append(store, i));
            double proofMillis = inclusionProofMillis(ledger);
            double verifySeconds = exportAndVerify(ledger);
            double leafLookupMillis = leafLookupMillis(store);
            double historyMillis = contributorHistoryMillis(store);

            Map<String, Object> extras = new LinkedHashMap<>();
            extras.put("writers", writers);
            extras.put("appends_per_writer", appendsPerWriter);
            extras.put("proof_log_size", proofSize);
            extras.put("appends_per_second_at_proof_log_size", BenchReport.round(appendsPerSecondWhenGrown));
            extras.put("inclusion_proof_ms", BenchReport.round(proofMillis));
            extras.put("export_verify_seconds", BenchReport.round(verifySeconds));
            extras.put("export_verify_entries", proofSize);
            extras.put("entry_by_leaf_hash_ms", BenchReport.round(leafLookupMillis));
            extras.put("contributor_history_page_ms", BenchReport.round(historyMillis));
            return new BenchReport(
                    "ledger_durable_appends", appendsPerSecond, "entries/s", insertsPerSecond, "rows/s", extras);
        }
    }

    /** Runs {@code writers} threads, each doing {@code appendsPerWriter} tasks; returns tasks per second. */
    private double concurrently(java.util.function.LongConsumer task) {
        var next = new AtomicLong(System.nanoTime());
        long start = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < writers; w++) {
                pool.submit(() -> {
                    for (int i = 0; i < appendsPerWriter; i++) {
                        task.accept(next.incrementAndGet());
                    }
                });
            }
        }
        return (double) writers * appendsPerWriter / ((System.nanoTime() - start) / 1e9);
    }

    private static void append(JdbcMetadataStore store, long key) {
        // The event is made by the caller, as services do, not inside the transaction.
        var event = event(key);
        Instant at = Instant.now();
        store.inTransaction(r -> r.ledger().append(event, ACTOR, "review", "req-bench", at));
    }

    /** The baseline: the same kind of row, same database, same writers, no Merkle tree. */
    private static void insertPlain(JdbcMetadataStore store, long key) {
        byte[] entry = LedgerEntryCodec.encode(
                        LedgerEntry.of(key, Instant.now(), event(key), ACTOR, "review", "req-bench"))
                .toArray();
        store.inJdbcTransaction(r -> r.handle()
                .createUpdate("INSERT INTO bench_rows (idx, entry, leaf_hash) VALUES (:idx, :entry, :hash)")
                .bind("idx", key)
                .bind("entry", entry)
                .bind("hash", new byte[32])
                .execute());
    }

    /**
     * Events are made before any timing, so that drawing random ids (one lock on the system's
     * random source for all threads) is not what the benchmark measures.
     */
    private static final List<ClipOpened> EVENTS = IntStream.range(0, 4096)
            .mapToObj(i -> new ClipOpened(ClipId.random(), Pseudonym.random(), ProjectId.random()))
            .toList();

    private static ClipOpened event(long key) {
        return EVENTS.get(Math.floorMod(key, EVENTS.size()));
    }

    /** Grows the log in large transactions: the proof and export figures need size, not concurrency. */
    private static void grow(JdbcMetadataStore store, long target) {
        long size = store.inTransaction(r -> r.ledger().size());
        while (size < target) {
            long batch = Math.min(20_000, target - size);
            store.useTransaction(r -> {
                var ledger = r.ledger();
                for (long i = 0; i < batch; i++) {
                    ledger.append(event(i), ACTOR, "review", "req-bench", Instant.now());
                }
            });
            size += batch;
        }
    }

    private static double inclusionProofMillis(LedgerService ledger) {
        var random = new Random(7);
        long size = ledger.status().size();
        var admin = dev.custody.access.Principal.bootstrapAdmin();
        List<Long> indexes = LongStream.generate(() -> Math.floorMod(random.nextLong(), size))
                .limit(2_000)
                .boxed()
                .toList();
        return millisPerCall(indexes, index -> ledger.inclusion(admin, index, size));
    }

    /** The time to find an entry by its leaf hash (what a proof by entry hash starts with). */
    private static double leafLookupMillis(JdbcMetadataStore store) {
        var random = new Random(11);
        long size = store.inReadTransaction(r -> r.ledger().size());
        List<Bytes> leafHashes = IntStream.range(0, LOOKUPS)
                .mapToObj(i -> store.inReadTransaction(
                                r -> r.ledger().storedEntries(Math.floorMod(random.nextLong(), size), 1))
                        .getFirst()
                        .bytes())
                .map(MerkleHashes::leafHash)
                .toList();
        return millisPerCall(
                leafHashes,
                leafHash -> store.inReadTransaction(r -> r.ledger().indexOf(leafHash))
                        .orElseThrow());
    }

    /** The time to read the newest page of 50 entries naming a contributor (as their access history does). */
    private static double contributorHistoryMillis(JdbcMetadataStore store) {
        List<Pseudonym> contributors =
                EVENTS.stream().limit(LOOKUPS).map(ClipOpened::contributor).toList();
        return millisPerCall(
                contributors,
                contributor ->
                        store.inReadTransaction(r -> r.ledger().aboutContributor(contributor, Long.MAX_VALUE, 50)));
    }

    /** Calls once for each argument to warm up, then again timed; returns milliseconds per call. */
    private static <T> double millisPerCall(List<T> arguments, Consumer<T> call) {
        arguments.forEach(call); // warm-up
        long start = System.nanoTime();
        arguments.forEach(call);
        return (System.nanoTime() - start) / 1e6 / arguments.size();
    }

    private double exportAndVerify(LedgerService ledger) throws IOException {
        Path export = workFolder.resolve("ledger.clex");
        try (OutputStream out = Files.newOutputStream(export)) {
            ledger.export(dev.custody.access.Principal.bootstrapAdmin(), out);
        }
        var verifier = LedgerVerifier.of(ledger.keys().ledger());
        long start = System.nanoTime();
        LedgerVerification result;
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(export), 1 << 20)) {
            result = verifier.verify(LedgerExportReader.open(in));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!(result instanceof LedgerVerification.Verified)) {
            throw new IllegalStateException("the benchmark's own export did not verify: " + result);
        }
        return seconds;
    }
}
