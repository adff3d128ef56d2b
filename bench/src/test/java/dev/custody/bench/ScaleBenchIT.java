package dev.custody.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScaleBenchIT {
    private static final int CONTRIBUTORS = 50;
    private static final long CLIPS = 20_000;

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void fillsTheDatabase_measuresEachOperation_andReportsTheSlowestAgainstAPrimaryKeySelect() throws Exception {
        String url = postgres.getJdbcUrl("postgres", "postgres");

        BenchReport report = new ScaleBench(url, "postgres", "", CONTRIBUTORS, CLIPS).run();

        var figures = report.asMap();
        assertThat(report.metric()).isEqualTo("scale_slowest_operation_ms");
        assertThat(report.baselineUnit()).isEqualTo("ms");
        assertThat(report.baseline()).isPositive();
        assertThat(figures)
                .containsEntry("clips", CLIPS)
                .containsEntry("export_project_clips", CLIPS / ScaleDataset.PROJECTS)
                .containsEntry("list_contributor_clips", (int) ((CLIPS - 1_000) / (CONTRIBUTORS - 1)))
                .containsEntry("retention_batch_clips", 100);
        double slowest = Math.max(
                (double) figures.get("list_contributor_ms"),
                Math.max((double) figures.get("erase_1000_clips_ms"), (double) figures.get("export_first_row_ms")));
        assertThat(figures).containsEntry("value", slowest);
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            assertThat(count(connection, "SELECT count(*) FROM clips")).isEqualTo(CLIPS);
            assertThat(count(connection, "SELECT count(*) FROM clips WHERE state = 'ERASED'"))
                    .isEqualTo(1_000);
            assertThat(count(connection, "SELECT count(*) FROM blob_deletions")).isEqualTo(1_000);
            assertThat(count(connection, "SELECT count(*) FROM contributor_voice_keys"))
                    .isEqualTo(CONTRIBUTORS - 1);
        }

        assertThatThrownBy(() -> new ScaleBench(url, "postgres", "", CONTRIBUTORS, CLIPS).run())
                .isInstanceOf(CustodyException.class)
                .hasMessageContaining("needs an empty one");
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
