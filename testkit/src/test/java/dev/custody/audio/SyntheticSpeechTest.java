package dev.custody.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SyntheticSpeechTest {
    @Test
    void generate_isDeterministicPerSeed() {
        float[] first = SyntheticSpeech.generate(Duration.ofSeconds(2), 16_000, 3);

        assertThat(SyntheticSpeech.generate(Duration.ofSeconds(2), 16_000, 3)).containsExactly(first);
        assertThat(SyntheticSpeech.generate(Duration.ofSeconds(2), 16_000, 4)).isNotEqualTo(first);
    }

    @Test
    void generate_hasTheRequestedLengthAndPeaksBelowMinusOneDbfs() {
        double limit = Math.pow(10, -1.0 / 20);
        for (long seed = 0; seed < 20; seed++) {
            float[] speech = SyntheticSpeech.generate(Duration.ofMillis(2_500), 48_000, seed);

            assertThat(speech).as("seed %d", seed).hasSize(120_000);
            float peak = 0;
            for (float x : speech) {
                peak = Math.max(peak, Math.abs(x));
            }
            assertThat((double) peak).as("seed %d", seed).isLessThan(limit).isGreaterThan(0.5);
        }
    }

    @Test
    void generate_rejectsOutOfRangeArguments() {
        assertThatThrownBy(() -> SyntheticSpeech.generate(Duration.ofSeconds(1), 4_000, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyntheticSpeech.generate(Duration.ofMinutes(11), 16_000, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
