package dev.custody.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The synthetic metadata of a large installation, loaded into PostgreSQL with COPY: one
 * organization, 15 projects of which the first holds one fifteenth of the clips (1 million of 15
 * million at full size), the contributors the benchmark erases (a warm-up and {@value #ERASE_RUNS}
 * measured runs of one with each of {@link #ERASED_SIZES} clips: contributors 0 to 11) holding the
 * last clips, all in
 * project 1 (kept out of the big project so that its export plan stays whole), and the other clips
 * spread evenly over the other contributors. Identifiers
 * count up in the shape of real ones ({@code clp_} and 26 base32 characters); every clip has its
 * own short blob id, since a blob belongs to one clip.
 */
final class ScaleDataset {
    /** The numbers of clips of the contributors the benchmark erases. */
    static final int[] ERASED_SIZES = {10, 1_000, 10_000};

    static final int ERASE_RUNS = 3;
    static final int ERASED_CONTRIBUTORS = ERASED_SIZES.length * (1 + ERASE_RUNS);
    static final int ERASED_CLIPS =
            (1 + ERASE_RUNS) * Arrays.stream(ERASED_SIZES).sum();
    static final int PROJECTS = 15;
    private static final int ROWS_PER_WRITE = 4_096;
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final long START = 1_700_000_000_000L;
    /** Every project keeps its clips 3 years, the longest allowed. */
    private static final long RETENTION_MS = 94_608_000_000L;

    private final int contributors;
    private final long clips;

    ScaleDataset(int contributors, long clips) {
        if (contributors <= ERASED_CONTRIBUTORS || clips < 2L * ERASED_CLIPS + contributors) {
            throw new IllegalArgumentException("need more than " + ERASED_CONTRIBUTORS + " contributors and "
                    + 2 * ERASED_CLIPS + " clips more than there are contributors");
        }
        this.contributors = contributors;
        this.clips = clips;
    }

    static String id(String prefix, long n) {
        char[] body = new char[26];
        Arrays.fill(body, 'a');
        for (int i = 25; i >= 0 && n > 0; i--, n >>>= 5) {
            body[i] = BASE32[(int) (n & 31)];
        }
        return prefix + "_" + new String(body);
    }

    static String contributor(long n) {
        return id("ctb", n);
    }

    static String project(long n) {
        return id("prj", n);
    }

    static String clip(long n) {
        return id("clp", n);
    }

    long bigProjectClips() {
        return Math.max(1, clips / PROJECTS);
    }

    /** Loads everything but the clips. */
    void loadPeople(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("INSERT INTO organizations VALUES ('" + id("org", 0) + "', 'Bench', " + START + ")");
            for (int p = 0; p < PROJECTS; p++) {
                statement.execute("INSERT INTO projects VALUES ('" + project(p) + "', '" + id("org", 0)
                        + "', 'Project " + p + "', 1, " + RETENTION_MS + ", 8000, 48000, 1000, 30000, 10000000,"
                        + " 0.01, -45.0, 0.8, 10.0, " + START + ")");
                statement.execute("INSERT INTO project_purposes VALUES ('" + project(p) + "', 'asr-training', 1)");
            }
        }
        String wrapped = "\\\\x" + HexFormat.of().formatHex(new byte[60]);
        copy(
                connection,
                "COPY contributors (pseudonym, state, created_at, erased_at, last_active_at) FROM STDIN",
                contributors,
                (n, row) -> row.append(contributor(n))
                        .append("\tACTIVE\t")
                        .append(START)
                        .append("\t\\N\t")
                        .append(START)
                        .append('\n'));
        copy(
                connection,
                "COPY contributor_voice_keys FROM STDIN",
                contributors,
                (n, row) -> row.append(contributor(n))
                        .append("\tlocal://voice;v=1\t")
                        .append(wrapped)
                        .append('\n'));
        copy(
                connection,
                "COPY contributor_identities FROM STDIN",
                contributors,
                (n, row) -> row.append(contributor(n))
                        .append("\tlocal://identity;v=1\t")
                        .append(wrapped)
                        .append('\t')
                        .append(wrapped)
                        .append('\n'));
    }

    /** Loads the clips and returns how many rows went in. */
    long loadClips(Connection connection) throws SQLException {
        String sha = "\\\\x" + HexFormat.of().formatHex(new byte[32]);
        String keyHeader = "\\\\x" + HexFormat.of().formatHex(new byte[40]);
        long big = bigProjectClips();
        copy(
                connection,
                "COPY clips (id, project_id, contributor, prompt_index, container, encoding, sample_rate, channels,"
                        + " frames, original_bytes, sha256, clipping_ratio, rms_dbfs, silence_ratio, snr_db, state,"
                        + " blob_id, created_at, key_header, expires_at) FROM STDIN",
                clips,
                (n, row) -> row.append(clip(n))
                        .append('\t')
                        .append(project(projectOf(n, big)))
                        .append('\t')
                        .append(contributor(contributorOf(n)))
                        .append("\t0\tWAV\tPCM_16\t16000\t1\t80000\t160044\t")
                        .append(sha)
                        .append("\t0.0\t-20.5\t0.1\t30.0\tACCEPTED\t")
                        .append(id("blb", n))
                        .append('\t')
                        .append(START + n)
                        .append('\t')
                        .append(keyHeader)
                        .append('\t')
                        .append(START + n + RETENTION_MS)
                        .append('\n'));
        return clips;
    }

    /** The moment by which half of the clips have passed their retention (clip n is recorded at START + n ms). */
    Instant halfExpired() {
        return Instant.ofEpochMilli(START + RETENTION_MS + clips / 2);
    }

    /**
     * The contributor the benchmark erases in {@code run} (0, the warm-up, to {@link #ERASE_RUNS})
     * with {@code ERASED_SIZES[size]} clips.
     */
    static int erased(int run, int size) {
        return run * ERASED_SIZES.length + size;
    }

    long contributorOf(long clip) {
        long tail = clip - (clips - ERASED_CLIPS);
        for (int contributor = 0; tail >= 0 && contributor < ERASED_CONTRIBUTORS; contributor++) {
            int size = ERASED_SIZES[contributor % ERASED_SIZES.length];
            if (tail < size) {
                return contributor;
            }
            tail -= size;
        }
        return ERASED_CONTRIBUTORS + clip % (contributors - ERASED_CONTRIBUTORS);
    }

    private long projectOf(long clip, long big) {
        if (clip < big) {
            return 0;
        }
        return clip >= clips - ERASED_CLIPS ? 1 : 1 + clip % (PROJECTS - 1);
    }

    @FunctionalInterface
    private interface Row {
        void append(long n, StringBuilder row);
    }

    private static void copy(Connection connection, String sql, long rows, Row row) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            StringBuilder batch = new StringBuilder(ROWS_PER_WRITE * 256);
            for (long n = 0; n < rows; n++) {
                row.append(n, batch);
                if ((n + 1) % ROWS_PER_WRITE == 0 || n + 1 == rows) {
                    byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    batch.setLength(0);
                }
            }
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}
