package dev.custody.audio;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What a project accepts. Defaults: 16–48 kHz, 1–30 s, uploads up to 16 MiB (30 s of 48 kHz stereo
 * 32-bit float is 11.5 MB), at most 1% clipped samples, RMS at least -45 dBFS, at most 80% silent
 * frames, and an SNR estimate of at least 10 dB.
 */
public record AudioLimits(
        int minSampleRate,
        int maxSampleRate,
        Duration minDuration,
        Duration maxDuration,
        long maxUploadBytes,
        double maxClippingRatio,
        double minRmsDbfs,
        double maxSilenceRatio,
        double minSnrDb) {
    public static final AudioLimits DEFAULT = new AudioLimits(
            16_000, 48_000, Duration.ofSeconds(1), Duration.ofSeconds(30), 16L << 20, 0.01, -45.0, 0.8, 10.0);

    public AudioLimits {
        requireNonNull(minDuration, "minDuration is null");
        requireNonNull(maxDuration, "maxDuration is null");
        if (minSampleRate < 8_000 || maxSampleRate > 192_000 || minSampleRate > maxSampleRate) {
            throw new IllegalArgumentException("sample rate limits out of range");
        }
        if (minDuration.isNegative() || minDuration.compareTo(maxDuration) > 0 || maxDuration.toSeconds() > 600) {
            throw new IllegalArgumentException("duration limits out of range");
        }
        if (maxUploadBytes < 1024 || maxUploadBytes > (1L << 30)) {
            throw new IllegalArgumentException("upload cap out of range");
        }
    }
}
