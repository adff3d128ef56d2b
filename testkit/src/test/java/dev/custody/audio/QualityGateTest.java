package dev.custody.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QualityGateTest {
    private static final AudioLimits LIMITS = AudioLimits.DEFAULT;

    @ParameterizedTest
    @CsvSource({"16000, 1", "16000, 2", "48000, 1", "48000, 2"})
    void assess_passesSyntheticSpeech(int sampleRate, int channels) {
        for (long seed = 1; seed <= 5; seed++) {
            float[] speech = TestSignals.speech(Duration.ofSeconds(5), sampleRate, channels, seed);

            QualityFigures figures = QualityGate.assess(decoded(speech, sampleRate, channels), LIMITS);

            assertThat(figures.clippingRatio()).as("seed %d: %s", seed, figures).isZero();
            assertThat(figures.rmsDbfs()).as("seed %d: %s", seed, figures).isBetween(-30.0, -10.0);
            assertThat(figures.silenceRatio()).as("seed %d: %s", seed, figures).isBetween(0.05, 0.5);
            assertThat(figures.snrDb()).as("seed %d: %s", seed, figures).isGreaterThan(30.0);
        }
    }

    @Test
    void assess_rejectsSampleRateBelowTheLimit() {
        assertRejected(speech(8_000, Duration.ofSeconds(3)), ErrorCode.AUDIO_SAMPLE_RATE_OUT_OF_RANGE, "8000 Hz");
    }

    @Test
    void assess_rejectsClipsTooShortOrTooLong() {
        assertRejected(speech(16_000, Duration.ofMillis(500)), ErrorCode.AUDIO_TOO_SHORT, "0.50 s, minimum 1.00 s");
        assertRejected(speech(16_000, Duration.ofSeconds(60)), ErrorCode.AUDIO_TOO_LONG, "60.00 s, maximum 30.00 s");
    }

    @Test
    void assess_rejectsDigitalSilence() {
        assertRejected(decoded(new float[32_000], 16_000, 1), ErrorCode.AUDIO_SILENT, "digital silence");
    }

    @Test
    void assess_rejectsAClipThatIsMostlySilent() {
        float[] samples = new float[16_000 * 5];
        float[] speech = SyntheticSpeech.generate(Duration.ofMillis(600), 16_000, 9);
        System.arraycopy(speech, 0, samples, 0, speech.length);

        assertRejected(decoded(samples, 16_000, 1), ErrorCode.AUDIO_SILENT, "of the clip is silent, maximum 80.0%");
    }

    @Test
    void assess_rejectsAVeryQuietClip() {
        float[] speech = SyntheticSpeech.generate(Duration.ofSeconds(4), 16_000, 4);
        for (int i = 0; i < speech.length; i++) {
            speech[i] *= 0.02f; // about -34 dB
        }

        assertRejected(decoded(speech, 16_000, 1), ErrorCode.AUDIO_TOO_QUIET, "minimum -45.0 dBFS");
    }

    @Test
    void assess_rejectsHeavyClipping() {
        float[] speech = SyntheticSpeech.generate(Duration.ofSeconds(4), 16_000, 4);
        for (int i = 0; i < speech.length; i++) {
            speech[i] = Math.clamp(speech[i] * 8, -1f, 1f);
        }

        assertRejected(decoded(speech, 16_000, 1), ErrorCode.AUDIO_CLIPPED, "maximum 1.00%");
    }

    @Test
    void assess_rejectsWhiteNoiseAsNoisy() {
        Random random = new Random(77);
        float[] noise = new float[16_000 * 4];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (random.nextGaussian() * 0.1);
        }

        assertRejected(decoded(noise, 16_000, 1), ErrorCode.AUDIO_NOISY, "minimum 10.0 dB");
    }

    @Test
    void assess_reportsLevelBeforeClippingAndClippingBeforeNoise() {
        Random random = new Random(78);
        float[] loudNoise = new float[16_000 * 2];
        float[] quietNoise = new float[16_000 * 2];
        for (int i = 0; i < loudNoise.length; i++) {
            loudNoise[i] = random.nextBoolean() ? 1f : -1f;
            quietNoise[i] = (float) (random.nextGaussian() * 0.003);
        }

        assertRejected(decoded(loudNoise, 16_000, 1), ErrorCode.AUDIO_CLIPPED, "100.00% of samples are clipped");
        assertRejected(decoded(quietNoise, 16_000, 1), ErrorCode.AUDIO_TOO_QUIET, "level -50.");
    }

    @Test
    void measure_matchesKnownSignals() {
        float[] sine = new float[48_000];
        for (int i = 0; i < sine.length; i++) {
            sine[i] = (float) Math.sin(2 * Math.PI * 1000 * i / 48_000);
        }
        float[] halfSilent = sine.clone();
        Arrays.fill(halfSilent, 0, 24_000, 0f);

        QualityFigures full = QualityGate.measure(decoded(sine, 48_000, 1));
        QualityFigures half = QualityGate.measure(decoded(halfSilent, 48_000, 1));

        assertThat(full.rmsDbfs()).isCloseTo(-3.01, within(0.01));
        assertThat(full.silenceRatio()).isZero();
        assertThat(full.snrDb()).isCloseTo(0.0, within(0.01));
        assertThat(half.silenceRatio()).isCloseTo(0.5, within(1e-9));
        assertThat(half.snrDb()).isCloseTo(10 * Math.log10(0.5 / 1e-10), within(0.01)); // floored quiet frames
        assertThat(QualityGate.measure(decoded(new float[10], 48_000, 1)).rmsDbfs())
                .isEqualTo(QualityFigures.SILENCE_DBFS);
    }

    private static DecodedAudio speech(int sampleRate, Duration duration) {
        return decoded(SyntheticSpeech.generate(duration, sampleRate, 1), sampleRate, 1);
    }

    private static DecodedAudio decoded(float[] samples, int sampleRate, int channels) {
        return AudioDecoder.decode(WavEncoder.encode(samples, sampleRate, channels, SampleEncoding.PCM_16));
    }

    private static void assertRejected(DecodedAudio audio, ErrorCode code, String message) {
        assertThatThrownBy(() -> QualityGate.assess(audio, LIMITS))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessageContaining(message);
    }
}
