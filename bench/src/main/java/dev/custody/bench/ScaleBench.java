package dev.custody.bench;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.access.Principal;
import dev.custody.blob.BlobReaper;
import dev.custody.blob.BlobStore;
import dev.custody.blob.FileBlobStore;
import dev.custody.contributor.ErasureService;
import dev.custody.contributor.Pseudonym;
import dev.custody.jdbc.JdbcMetadataStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code custody bench scale}: the metadata operations that must stay fast at the size of the
 * breach that motivated Custody (40,000 contributors, 15 million clips), on PostgreSQL: listing one
 * contributor's clips, erasing contributors with 10, 1,000 and 10,000 clips (acknowledged in O(1)),
 * and starting the export plan of a project of 1 million clips (the time to the first planned row,
 * read through a streaming cursor).
 * The value is the slowest of the three; the baseline, measured in the same run, is a plain indexed
 * SELECT of one clip by primary key. The load rate of COPY and the time to read a batch of clips due
 * for retention are reported beside them.
 *
 * <p>The database must hold no clips: the benchmark fills it and leaves it filled.
 */
public final class ScaleBench {
    private static final int SAMPLES = 25;
    private static final int RETENTION_BATCH = 100;

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final int contributors;
    private final long clips;

    public ScaleBench(String jdbcUrl, String user, String password, int contributors, long clips) {
        this.jdbcUrl = requireNonNull(jdbcUrl, "jdbcUrl is null");
        this.user = requireNonNull(user, "user is null");
        this.password = requireNonNull(password, "password is null");
        this.contributors = contributors;
        this.clips = clips;
    }

    /**
     * Fills the database and measures.
     *
     * @throws CustodyException INVALID_INPUT if the database holds Custody data already,
     *     STORAGE_UNAVAILABLE if it fails
     */
    public BenchReport run() {
        try {
            return measure();
        } catch (SQLException e) {
            throw new CustodyException(ErrorCode.STORAGE_UNAVAILABLE, "bench scale failed: " + e.getMessage(), e);
        }
    }

    /** The bench's own connection runs with the session options of Custody's pool. */
    private java.util.Properties sessionProperties() {
        var properties = new java.util.Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("options", JdbcMetadataStore.POSTGRES_SESSION_OPTIONS);
        return properties;
    }

    private BenchReport measure() throws SQLException {
        var dataset = new ScaleDataset(contributors, clips);
        try (JdbcMetadataStore store = JdbcMetadataStore.openPostgres(jdbcUrl, user, password);
                Connection connection = DriverManager.getConnection(jdbcUrl, sessionProperties())) {
            requireEmpty(connection);
            Map<String, Object> extras = new LinkedHashMap<>();
            extras.put("contributors", contributors);
            extras.put("clips", clips);
            // One transaction, so a failed load leaves the database empty for the next attempt.
            connection.setAutoCommit(false);
            dataset.loadPeople(connection);
            long start = System.nanoTime();
            dataset.loadClips(connection);
            connection.commit();
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            connection.setAutoCommit(true);
            extras.put("load_seconds", BenchReport.round(loadSeconds));
            extras.put("load_clips_per_second", Math.round(clips / loadSeconds));
            try (var statement = connection.createStatement()) {
                statement.execute("ANALYZE");
            }
            double baseline = primaryKeyLookupMs(connection);
            double list = listMs(store, dataset, extras);
            retentionBatchMs(store, dataset, extras);
            double erase = eraseMs(store, extras);
            double export = ExportPlanProbe.firstRowMs(connection, ScaleDataset.project(0), extras);
            double slowest = Math.max(list, Math.max(erase, export));
            return new BenchReport("scale_slowest_operation_ms", slowest, "ms", baseline, "ms", extras);
        }
    }

    private static void requireEmpty(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM organizations)"
                        + " OR EXISTS (SELECT 1 FROM contributors) OR EXISTS (SELECT 1 FROM clips)")) {
            rows.next();
            if (rows.getBoolean(1)) {
                throw CustodyException.invalidInput(
                        "bench scale fills the database it is given and needs an empty one");
            }
        }
    }

    /** The median time of a plain SELECT of one clip by primary key, over random clips. */
    private double primaryKeyLookupMs(Connection connection) throws SQLException {
        var random = new SplittableRandom(1);
        double[] times = new double[SAMPLES * 4];
        try (var select = connection.prepareStatement("SELECT * FROM clips WHERE id = ?")) {
            for (int i = 0; i < times.length; i++) {
                select.setString(1, ScaleDataset.clip(random.nextLong(clips)));
                long start = System.nanoTime();
                try (var rows = select.executeQuery()) {
                    if (!rows.next()) {
                        throw new IllegalStateException("a loaded clip is missing");
                    }
                }
                times[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        return median(times);
    }

    /** The median time to list a typical contributor's clips through the clip repository. */
    private double listMs(JdbcMetadataStore store, ScaleDataset dataset, Map<String, Object> extras) {
        var random = new SplittableRandom(2);
        double[] times = new double[SAMPLES];
        int listed = 0;
        for (int i = 0; i < times.length; i++) {
            var contributor = new Pseudonym(ScaleDataset.contributor(ScaleDataset.ERASED_CONTRIBUTORS
                    + random.nextInt(contributors - ScaleDataset.ERASED_CONTRIBUTORS)));
            long start = System.nanoTime();
            listed = store.inTransaction(r -> r.clips().byContributor(contributor))
                    .size();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        extras.put("list_contributor_clips", listed);
        extras.put("list_contributor_ms", BenchReport.round(median(times)));
        return median(times);
    }

    /**
     * The median time to read one batch of clips due for retention, as each batch of the retention
     * job does, when half of all clips are due.
     */
    private static void retentionBatchMs(JdbcMetadataStore store, ScaleDataset dataset, Map<String, Object> extras) {
        double[] times = new double[SAMPLES];
        int due = 0;
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            due = store.inTransaction(r -> r.clips().expired(dataset.halfExpired(), RETENTION_BATCH))
                    .size();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        extras.put("retention_batch_clips", due);
        extras.put("retention_batch_ms", BenchReport.round(median(times)));
    }

    /**
     * Erasure through the erasure service, acknowledged as on a serving node: the key gone, the
     * state and the ledger entry, whatever the number of clips; their marking follows in the
     * background. After a warm-up run, the sizes take turns; for each size, the median, least and
     * most of {@link ScaleDataset#ERASE_RUNS} runs. Returns the largest median.
     */
    private static double eraseMs(JdbcMetadataStore store, Map<String, Object> extras) {
        var erasure = new ErasureService(store, new BlobReaper(store, temporaryBlobStore()), Clock.systemUTC());
        erasure.followUpInBackground(() -> {});
        int sizes = ScaleDataset.ERASED_SIZES.length;
        double[][] times = new double[sizes][ScaleDataset.ERASE_RUNS];
        for (int run = 0; run <= ScaleDataset.ERASE_RUNS; run++) {
            for (int size = 0; size < sizes; size++) {
                var contributor = new Pseudonym(ScaleDataset.contributor(ScaleDataset.erased(run, size)));
                long start = System.nanoTime();
                int erased = erasure.erase(Principal.bootstrapAdmin(), contributor);
                double ms = (System.nanoTime() - start) / 1e6;
                if (erased != ScaleDataset.ERASED_SIZES[size]) {
                    throw new IllegalStateException(
                            "erased " + erased + " clips, not " + ScaleDataset.ERASED_SIZES[size]);
                }
                if (run > 0) {
                    times[size][run - 1] = ms;
                }
            }
        }
        double slowest = 0;
        for (int size = 0; size < sizes; size++) {
            String name = "erase_" + ScaleDataset.ERASED_SIZES[size] + "_clips_ms";
            extras.put(name, BenchReport.round(median(times[size])));
            extras.put(
                    name + "_min",
                    BenchReport.round(Arrays.stream(times[size]).min().orElseThrow()));
            extras.put(
                    name + "_max",
                    BenchReport.round(Arrays.stream(times[size]).max().orElseThrow()));
            slowest = Math.max(slowest, median(times[size]));
        }
        return slowest;
    }

    private static BlobStore temporaryBlobStore() {
        try {
            return FileBlobStore.open(Files.createTempDirectory("custody-bench-blobs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
