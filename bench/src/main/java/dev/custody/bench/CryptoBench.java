package dev.custody.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code custody bench crypto}: runs {@link ClipEncryptionBenchmark} under JMH (forked JVM, real
 * warm-up, since AES-GCM runs some 50 times slower before the JIT compiles its intrinsic) and
 * reports the streaming encryption's MB/s at the fastest segment size for the larger clip, against
 * the JDK's raw AES-GCM on the same buffers.
 */
public final class CryptoBench {
    private final int warmupSeconds;
    private final int measurementSeconds;

    public CryptoBench(int warmupSeconds, int measurementSeconds) {
        this.warmupSeconds = warmupSeconds;
        this.measurementSeconds = measurementSeconds;
    }

    public BenchReport run() throws RunnerException {
        var options = new OptionsBuilder()
                .include(ClipEncryptionBenchmark.class.getName())
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(warmupSeconds))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(measurementSeconds))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> mbPerSecond = new LinkedHashMap<>();
        for (RunResult result : results) {
            var params = result.getParams();
            int clipBytes = Integer.parseInt(params.getParam("clipBytes"));
            String key = params.getBenchmark().replaceAll(".*\\.", "") + "_" + params.getParam("segmentSize") + "_"
                    + clipBytes;
            mbPerSecond.put(key, result.getPrimaryResult().getScore() * clipBytes / 1e6);
        }
        String best = "262144";
        for (String segment : new String[] {"65536", "262144", "1048576"}) {
            if (mbPerSecond.getOrDefault("tinkStreaming_" + segment + "_1440044", 0.0)
                    > mbPerSecond.getOrDefault("tinkStreaming_" + best + "_1440044", 0.0)) {
                best = segment;
            }
        }
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("fastest_segment_size", Integer.parseInt(best));
        mbPerSecond.forEach((name, value) -> extras.put(name + "_mb_per_s", BenchReport.round(value)));
        return new BenchReport(
                "clip_encryption_throughput",
                mbPerSecond.getOrDefault("tinkStreaming_" + best + "_1440044", 0.0),
                "MB/s",
                mbPerSecond.getOrDefault("jdkAesGcm_" + best + "_1440044", 0.0),
                "MB/s",
                extras);
    }
}
