package dev.custody.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result every {@code custody bench} command prints and writes: a metric, its value and unit,
 * a baseline measured in the same run, their ratio, and any extra figures under their own names.
 */
public record BenchReport(
        String metric, double value, String unit, double baseline, String baselineUnit, Map<String, Object> extras) {
    public BenchReport {
        requireNonNull(metric, "metric is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(baselineUnit, "baselineUnit is null");
        extras = Map.copyOf(extras);
    }

    public double ratio() {
        return baseline == 0 ? 0 : value / baseline;
    }

    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("metric", metric);
        map.put("value", round(value));
        map.put("unit", unit);
        map.put("baseline", round(baseline));
        map.put("baseline_unit", baselineUnit);
        map.put("ratio", round(ratio()));
        new java.util.TreeMap<>(extras).forEach(map::put);
        return map;
    }

    public String toJson() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(asMap());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void writeTo(Path file) {
        try {
            Files.writeString(file, toJson() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
