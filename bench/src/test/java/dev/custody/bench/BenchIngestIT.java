package dev.custody.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custody.testkit.CustodyProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shape of what {@code custody bench ingest --json} writes, on a run far too small to time, and
 * that the run leaves nothing on the disk.
 */
class BenchIngestIT {
    @TempDir
    Path temp;

    @Test
    void benchIngest_writesValueBaselineAndTheirRatio_andTheCpuFigures_andRemovesItsWork() throws Exception {
        Path json = temp.resolve("ingest.json");
        Path disk = temp.resolve("disk");
        try (var bench = CustodyProcess.startBench(
                Map.of(),
                "ingest",
                "--clips",
                "8",
                "--writers",
                "2",
                "--rounds",
                "1",
                "--warm-up",
                "0",
                "--dir",
                disk.toString(),
                "--json",
                json.toString())) {
            var result = bench.finish();
            assertThat(result.exitStatus()).as(result.output()).isZero();
        }

        try (Stream<Path> left = Files.list(disk)) {
            assertThat(left).as("what the run left in --dir").isEmpty();
        }
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("metric").asText()).isEqualTo("ingest_throughput");
        assertThat(report.get("unit").asText()).isEqualTo("clips/s");
        assertThat(report.get("baseline_unit").asText()).isEqualTo("clips/s");
        double value = report.get("value").asDouble();
        double baseline = report.get("baseline").asDouble();
        assertThat(value).isPositive();
        assertThat(baseline).isPositive();
        assertThat(report.get("ratio").asDouble()).isCloseTo(value / baseline, within(0.001));
        assertThat(report.get("hash_and_encrypt_cpu_ms_per_clip").asDouble()).isPositive();
        assertThat(report.get("set_48k_24bit_hash_and_encrypt_cpu_ms_per_clip").asDouble())
                .isGreaterThan(report.get("hash_and_encrypt_cpu_ms_per_clip").asDouble());
        assertThat(report.get("jit_compiling_ms_in_timed_rounds").asLong()).isNotNegative();
        double durable = report.get("durable_baseline_clips_per_s").asDouble();
        assertThat(durable).isPositive();
        assertThat(report.get("ratio_to_durable_baseline").asDouble()).isCloseTo(value / durable, within(0.01));
        assertThat(report.get("set_48k_24bit_durable_baseline_clips_per_s").asDouble())
                .isPositive();
        assertThat(report.get("set_48k_24bit_ratio_to_durable_baseline").asDouble())
                .isCloseTo(
                        report.get("set_48k_24bit_clips_per_s").asDouble()
                                / report.get("set_48k_24bit_durable_baseline_clips_per_s")
                                        .asDouble(),
                        within(0.01));
        // Eight small files may take less CPU than the process clock can tell apart from none.
        assertThat(report.get("baseline_cores_busy").isNumber()).isTrue();
        assertThat(report.get("baseline_cores_busy").asDouble()).isNotNegative();
    }
}
