package dev.custody.bench;

import dev.custody.project.ProjectId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * The query an export plan streams: a project's accepted clips in a stable order, read through a
 * server-side cursor ({@code DECLARE ... CURSOR}, then {@code FETCH} in batches).
 *
 * <p>The cursor matters: PostgreSQL plans a declared cursor for its first rows, and uses the
 * {@code (project_id, created_at)} index with an incremental sort, so the first row comes at once.
 * The driver's own streaming (auto-commit off and a fetch size) plans for the whole result: a
 * parallel scan of every clip and a full sort before the first row. Both are measured; the second
 * goes into the extras as the way not to do it.
 */
final class ExportPlanProbe {
    private static final int BATCH = 1_000;
    private static final String PLAN = "SELECT id, contributor, blob_id FROM clips"
            + " WHERE project_id = '%s' AND state = 'ACCEPTED' ORDER BY created_at, id";

    private ExportPlanProbe() {}

    /** The time to the first row; the time to the last and the row count go into {@code extras}. */
    static double firstRowMs(Connection connection, String project, Map<String, Object> extras) throws SQLException {
        // DECLARE takes no bind parameters; a ProjectId holds only [a-z2-7_], so it can be inlined.
        String plan = PLAN.formatted(new ProjectId(project).value());
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (var statement = connection.createStatement()) {
            long start = System.nanoTime();
            statement.execute("DECLARE export_plan NO SCROLL CURSOR FOR " + plan);
            double firstRow = -1;
            long rows = 0;
            for (int fetched = BATCH; fetched == BATCH; ) {
                fetched = 0;
                try (var batch = statement.executeQuery("FETCH " + BATCH + " FROM export_plan")) {
                    while (batch.next()) {
                        if (rows++ == 0) {
                            firstRow = (System.nanoTime() - start) / 1e6;
                        }
                        fetched++;
                    }
                }
            }
            extras.put("export_first_row_ms", BenchReport.round(firstRow));
            extras.put("export_all_rows_ms", BenchReport.round((System.nanoTime() - start) / 1e6));
            extras.put("export_project_clips", rows);
            connection.commit();
            extras.put("export_first_row_by_fetch_size_ms", BenchReport.round(firstRowByFetchSize(connection, plan)));
            return firstRow;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static double firstRowByFetchSize(Connection connection, String plan) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.setFetchSize(BATCH);
            long start = System.nanoTime();
            try (var result = statement.executeQuery(plan)) {
                result.next();
                double firstRow = (System.nanoTime() - start) / 1e6;
                connection.commit();
                return firstRow;
            }
        }
    }
}
