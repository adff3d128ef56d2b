package dev.custody.audio;

import java.time.Duration;
import java.util.Random;

/** Signals for tests, quantized where a bit-exact round trip is wanted. */
final class TestSignals {
    private TestSignals() {}

    /** Seeded samples in [-1, 1) that are exact multiples of 2^-(bits-1), interleaved. */
    static float[] quantizedNoise(int frames, int channels, int bits, long seed) {
        Random random = new Random(seed);
        float[] samples = new float[frames * channels];
        int scale = 1 << (bits - 1);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (random.nextInt(2 * scale) - scale) / (float) scale;
        }
        return samples;
    }

    /** Speech; in stereo the second channel hears the voice later and softer, as a second mic would. */
    static float[] speech(Duration duration, int sampleRate, int channels, long seed) {
        float[] mono = SyntheticSpeech.generate(duration, sampleRate, seed);
        if (channels == 1) {
            return mono;
        }
        int delay = 5;
        float[] stereo = new float[mono.length * 2];
        for (int i = 0; i < mono.length; i++) {
            stereo[2 * i] = mono[i];
            stereo[2 * i + 1] = i < delay ? 0 : 0.7f * mono[i - delay];
        }
        return stereo;
    }

    /** {@code samples} as the decoder returns them after a trip through {@code encoding}. */
    static float[] asDecoded(float[] samples, int sampleRate, int channels, SampleEncoding encoding) {
        return AudioDecoder.decode(WavEncoder.encode(samples, sampleRate, channels, encoding))
                .copySamples();
    }
}
