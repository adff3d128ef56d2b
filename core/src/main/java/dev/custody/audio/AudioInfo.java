package dev.custody.audio;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** What an accepted file holds, as parsed (never as declared). */
public record AudioInfo(AudioContainer container, SampleEncoding encoding, int sampleRate, int channels, long frames) {
    public AudioInfo {
        requireNonNull(container, "container is null");
        requireNonNull(encoding, "encoding is null");
        if (sampleRate <= 0 || channels <= 0 || frames < 0) {
            throw new IllegalArgumentException("sample rate, channels and frames must be positive");
        }
    }

    public Duration duration() {
        return Duration.ofNanos(Math.round(frames * 1e9 / sampleRate));
    }
}
