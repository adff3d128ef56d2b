package dev.custody.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * The query an export plan streams: a project's accepted clips in a stable order, read through a
 * server-side cursor (auto-commit off and a fetch size, which is how the PostgreSQL driver streams),
 * so the first planned row arrives before the whole project has been read.
 */
final class ExportPlanProbe {
    private static final int FETCH_SIZE = 1_000;

    private ExportPlanProbe() {}

    /** The time to the first row; the time to the last and the row count go into {@code extras}. */
    static double firstRowMs(Connection connection, String project, Map<String, Object> extras) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (var plan = connection.prepareStatement("SELECT id, contributor, blob_id FROM clips"
                + " WHERE project_id = ? AND state = 'ACCEPTED' ORDER BY created_at, id")) {
            plan.setFetchSize(FETCH_SIZE);
            plan.setString(1, project);
            long start = System.nanoTime();
            double firstRow = -1;
            long rows = 0;
            try (var result = plan.executeQuery()) {
                while (result.next()) {
                    if (rows++ == 0) {
                        firstRow = (System.nanoTime() - start) / 1e6;
                    }
                }
            }
            extras.put("export_first_row_ms", BenchReport.round(firstRow));
            extras.put("export_all_rows_ms", BenchReport.round((System.nanoTime() - start) / 1e6));
            extras.put("export_project_clips", rows);
            connection.commit();
            return firstRow;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
