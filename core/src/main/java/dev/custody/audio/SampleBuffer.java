package dev.custody.audio;

import java.util.Arrays;

/**
 * A growable array of decoded samples. It grows by doubling with what actually decodes and refuses
 * to pass {@link AudioDecoder#MAX_DECODED_SAMPLES}, so a declared length never sizes an allocation.
 */
final class SampleBuffer {
    private static final int INITIAL_CAPACITY = 1 << 16;

    private float[] samples = new float[INITIAL_CAPACITY];
    private int size;

    /** Makes room for {@code count} more samples, or throws {@code AUDIO_TOO_LONG}. */
    void reserve(int count) {
        long needed = (long) size + count;
        AudioDecoder.checkCap(needed);
        if (needed > samples.length) {
            long grown = Math.min(Math.max(needed, 2L * samples.length), AudioDecoder.MAX_DECODED_SAMPLES);
            samples = Arrays.copyOf(samples, (int) grown);
        }
    }

    /** Appends a sample; {@link #reserve} must have made room for it. */
    void add(float sample) {
        samples[size++] = sample;
    }

    float[] toArray() {
        return Arrays.copyOf(samples, size);
    }
}
