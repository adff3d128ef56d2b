package dev.custody.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers Custody did not write read a delivery: Python's standard library iterates the shards as
 * WebDataset does and decodes every WAV; jsonld.js expands croissant.json with every remote load
 * refused. scripts/install-test-deps installs both.
 */
class DeliveryReadersIT {
    private static final Path READERS = Path.of("src/test/readers");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = "http://schema.org/";
    private static final String CR = "http://mlcommons.org/croissant/";
    private static final String RAI = "http://mlcommons.org/croissant/RAI/";

    @TempDir
    Path folder;

    private final DeliveryFixture fixture = new DeliveryFixture(10, Duration.ofSeconds(2));

    @BeforeEach
    void deliver() {
        fixture.write(folder, 150_000);
    }

    @Test
    void python_readsEverySampleGroupedByKey_andDecodesEveryWavToItsDuration() throws Exception {
        assumeTrue(onPath("python3"), "python3 is not installed");

        JsonNode read = JSON.readTree(
                run("python3", READERS.resolve("read_webdataset.py").toString(), folder.toString()));

        List<String> keys = new ArrayList<>();
        read.path("keys").forEach(key -> keys.add(key.asText()));
        DeliveryKeys grant = DeliveryFixture.keys("grant-a");
        assertThat(keys).isEqualTo(fixture.clips.stream().map(grant::sampleKey).toList());
        assertThat(read.path("seconds").asDouble()).isEqualTo(20.0);
        try (var files = Files.list(folder)) {
            assertThat(files.filter(f -> f.toString().endsWith(".tar")).count()).isGreaterThan(1);
        }
    }

    @Test
    void jsonld_expandsCroissantOffline_withTheCroissantAndRaiProperties() throws Exception {
        assertThat(READERS.resolve("node_modules/jsonld"))
                .as("jsonld.js is installed by scripts/install-test-deps")
                .isDirectory();

        JsonNode expanded = JSON.readTree(run(
                "node",
                READERS.resolve("expand_croissant.js").toString(),
                folder.resolve("croissant.json").toString()));

        assertThat(expanded).hasSize(1);
        JsonNode dataset = expanded.get(0);
        assertThat(dataset.path("@type").get(0).asText()).isEqualTo(SCHEMA + "Dataset");
        assertThat(dataset.path("http://purl.org/dc/terms/conformsTo")
                        .get(0)
                        .path("@value")
                        .asText())
                .isEqualTo("http://mlcommons.org/croissant/1.1");
        for (String required : List.of("name", "description", "license", "url", "creator", "datePublished")) {
            assertThat(dataset.has(SCHEMA + required)).as(required).isTrue();
        }
        for (String rai : List.of(
                "dataCollection",
                "dataCollectionType",
                "dataCollectionTimeframe",
                "personalSensitiveInformation",
                "dataUseCases",
                "dataLimitations",
                "dataReleaseMaintenancePlan")) {
            assertThat(dataset.has(RAI + rai)).as(rai).isTrue();
        }
        assertThat(dataset.path(RAI + "dataLimitations").get(0).path("@value").asText())
                .contains("voice-cloning");
        assertThat(dataset.path(CR + "recordSet").get(0).path(CR + "field")).isNotEmpty();
        assertThat(shardHashes(dataset)).isEqualTo(provenanceShardHashes());
    }

    private static Set<String> shardHashes(JsonNode dataset) {
        Set<String> hashes = new TreeSet<>();
        for (JsonNode file : dataset.path(SCHEMA + "distribution")) {
            if (file.path("@type").get(0).asText().equals(CR + "FileObject")) {
                hashes.add(file.path(SCHEMA + "sha256").get(0).path("@value").asText());
            }
        }
        return hashes;
    }

    private Set<String> provenanceShardHashes() throws IOException {
        Set<String> hashes = new TreeSet<>();
        JSON.readTree(folder.resolve("provenance.json").toFile())
                .path("shards")
                .forEach(shard -> hashes.add(shard.path("sha256").asText()));
        return hashes;
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
