package dev.custody.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import org.junit.jupiter.api.Test;

class Argon2ParametersTest {
    @Test
    void defaults_are64MibThreeIterationsOneLane() {
        assertThat(Argon2Parameters.DEFAULT).isEqualTo(new Argon2Parameters(65536, 3, 1));
    }

    @Test
    void constructor_outsideTheCaps_failsWithInvalidInput() {
        int[][] rejected = {
            {Argon2Parameters.MIN_MEMORY_KIB - 1, 1, 1},
            {Argon2Parameters.MAX_MEMORY_KIB + 1, 1, 1},
            {Integer.MIN_VALUE, 1, 1},
            {65536, 0, 1},
            {65536, Argon2Parameters.MAX_ITERATIONS + 1, 1},
            {65536, 3, 0},
            {65536, 3, Argon2Parameters.MAX_PARALLELISM + 1},
        };
        for (int[] values : rejected) {
            assertThatThrownBy(() -> new Argon2Parameters(values[0], values[1], values[2]))
                    .isInstanceOfSatisfying(
                            CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
        }
    }

    @Test
    void constructor_atTheCaps_accepts() {
        var largest = new Argon2Parameters(
                Argon2Parameters.MAX_MEMORY_KIB, Argon2Parameters.MAX_ITERATIONS, Argon2Parameters.MAX_PARALLELISM);

        assertThat(largest.memoryKiB()).isEqualTo(1024 * 1024);
    }
}
