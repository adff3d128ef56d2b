package dev.custody.audio;

import static java.util.Objects.requireNonNull;

/**
 * Decoded audio: what the file holds ({@link #info()}) and its samples as floats in [-1, 1],
 * interleaved by channel. Immutable: the samples are never handed out without a copy. Its {@code
 * toString} never prints samples.
 */
public final class DecodedAudio {
    private final AudioInfo info;
    private final float[] samples;

    private DecodedAudio(AudioInfo info, float[] samples) {
        this.info = info;
        this.samples = samples;
    }

    /** Takes ownership of {@code samples}, which must hold {@code frames * channels} values. */
    static DecodedAudio of(AudioInfo info, float[] samples) {
        requireNonNull(info, "info is null");
        requireNonNull(samples, "samples is null");
        if (samples.length != info.frames() * info.channels()) {
            throw new IllegalArgumentException("sample count does not match frames * channels");
        }
        return new DecodedAudio(info, samples);
    }

    /** Maps a signed integer sample of {@code bits} bits onto [-1, 1) exactly (a power-of-two scale). */
    static float pcmToFloat(int value, int bits) {
        return value * (1.0f / (1 << (bits - 1)));
    }

    public AudioInfo info() {
        return info;
    }

    /** A copy of the interleaved samples. */
    public float[] copySamples() {
        return samples.clone();
    }

    /** The samples themselves, for this package's readers, which must not modify them. */
    float[] samples() {
        return samples;
    }

    @Override
    public String toString() {
        return "DecodedAudio[" + info + "]";
    }
}
