package dev.custody.audio;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Random;

/**
 * A deterministic speech-like signal: the voice of canary clips (decoys that must pass the quality
 * gate like any clip, see {@code CanarySeeder}), and of tests and benchmarks that need clips without
 * storing recordings.
 *
 * <p>A source-filter model: a sawtooth glottal source at a fundamental of 100–250 Hz (chosen per
 * seed) gliding within each syllable, shaped by three formant resonators set per syllable from a
 * table of vowels; syllables of 180–320 ms (about 4 per second) under a rise-and-fall envelope,
 * in phrases of 2–6 syllables separated by 120–350 ms pauses; a white noise floor at -62 dBFS;
 * the voiced part normalized to a -3 dBFS peak. The same arguments always give the same samples.
 *
 * <p>It passes {@link AudioLimits#DEFAULT} at 16 and 48 kHz. It costs a few operations per sample
 * and no trigonometry in the inner loop, so seconds of audio take about a millisecond.
 */
public final class SyntheticSpeech {
    private static final double[][] VOWELS = {
        {730, 1090, 2440}, {270, 2290, 3010}, {300, 870, 2240}, {530, 1840, 2480}, {570, 840, 2410}, {660, 1720, 2410}
    };
    private static final double[] FORMANT_GAINS = {1.0, 0.5, 0.25};
    private static final double[] BANDWIDTHS = {80, 100, 120};
    private static final Duration MAX_DURATION = Duration.ofMinutes(10);
    private static final double PEAK = Math.pow(10, -3.0 / 20);
    private static final double NOISE_RMS = Math.pow(10, -62.0 / 20);

    private final float[] out;
    private final int sampleRate;
    private final Random random;
    private final double[] state = new double[6];
    private final double baseF0;
    private double phase;

    private SyntheticSpeech(int frames, int sampleRate, long seed) {
        this.out = new float[frames];
        this.sampleRate = sampleRate;
        this.random = new Random(seed);
        this.baseF0 = 100 + 150 * random.nextDouble();
    }

    /**
     * Generates {@code duration} of mono audio at {@code sampleRate}.
     *
     * @throws IllegalArgumentException if the rate is outside 8–192 kHz or the duration is negative
     *     or longer than 10 minutes
     */
    public static float[] generate(Duration duration, int sampleRate, long seed) {
        requireNonNull(duration, "duration is null");
        if (sampleRate < 8_000
                || sampleRate > 192_000
                || duration.isNegative()
                || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("sample rate or duration out of range");
        }
        int frames = (int) Math.round(duration.toNanos() * (double) sampleRate / 1e9);
        SyntheticSpeech speech = new SyntheticSpeech(frames, sampleRate, seed);
        speech.speak();
        speech.normalizeAndAddNoise(seed);
        return speech.out;
    }

    private void speak() {
        int position = millis(100); // a lead-in, as a recorder captures before speech starts
        while (position < out.length) {
            int syllables = 2 + random.nextInt(5);
            for (int s = 0; s < syllables && position < out.length; s++) {
                position = syllable(position, millis(180 + random.nextInt(141)));
            }
            position += millis(120 + random.nextInt(231));
        }
    }

    /** Writes one voiced syllable of {@code length} samples at {@code start}; returns its end. */
    private int syllable(int start, int length) {
        double[] vowel = VOWELS[random.nextInt(VOWELS.length)];
        double[] a1 = new double[3];
        double[] a2 = new double[3];
        double[] b0 = new double[3];
        for (int k = 0; k < 3; k++) {
            double r = Math.exp(-Math.PI * BANDWIDTHS[k] / sampleRate);
            a1[k] = 2 * r * Math.cos(2 * Math.PI * Math.min(vowel[k], 0.45 * sampleRate) / sampleRate);
            a2[k] = -r * r;
            b0[k] = (1 - r) * FORMANT_GAINS[k];
        }
        double f0 = baseF0 * (0.9 + 0.2 * random.nextDouble());
        double glide = baseF0 * (0.9 + 0.2 * random.nextDouble()) - f0;
        int end = Math.min(out.length, start + length);
        for (int i = start; i < end; i++) {
            double t = (i - start) / (double) length;
            phase += (f0 + glide * t) / sampleRate;
            phase -= Math.floor(phase);
            double source = phase - 0.5;
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                double y = b0[k] * source + a1[k] * state[2 * k] + a2[k] * state[2 * k + 1];
                state[2 * k + 1] = state[2 * k];
                state[2 * k] = y;
                sum += y;
            }
            out[i] = (float) (sum * 4 * t * (1 - t));
        }
        return start + length;
    }

    private void normalizeAndAddNoise(long seed) {
        float peak = 0;
        for (float x : out) {
            peak = Math.max(peak, Math.abs(x));
        }
        double gain = peak == 0 ? 0 : PEAK / peak;
        // Uniform noise in [-a, a) has RMS a / sqrt(3). A xorshift keeps this loop cheap.
        double amplitude = NOISE_RMS * Math.sqrt(3);
        long noise = seed ^ 0x9E3779B97F4A7C15L;
        noise = noise == 0 ? 1 : noise; // xorshift never leaves zero
        for (int i = 0; i < out.length; i++) {
            noise ^= noise << 13;
            noise ^= noise >>> 7;
            noise ^= noise << 17;
            double uniform = (noise >>> 11) * 0x1.0p-53 * 2 - 1;
            out[i] = (float) (out[i] * gain + amplitude * uniform);
        }
    }

    private int millis(int ms) {
        return (int) ((long) ms * sampleRate / 1000);
    }
}
