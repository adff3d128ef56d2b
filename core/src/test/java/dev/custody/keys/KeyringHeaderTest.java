package dev.custody.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyringHeaderTest {
    private final KeyringHeader header = KeyringHeader.fresh(
            KeyringHeader.randomBytes(new SecureRandom(), 16), Argon2Parameters.DEFAULT, new SecureRandom());

    @Test
    void parse_ofEncode_returnsTheSameHeader() {
        byte[] encoded = header.encode();

        assertThat(encoded).hasSize(65);
        assertThat(new String(encoded, 0, 8, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("CUSTKEYS");
        assertThat(KeyringHeader.parse(encoded)).isEqualTo(header);
    }

    @Test
    void parse_ofAnUnknownVersion_failsWithIntegrityFailure() {
        byte[] encoded = header.encode();
        encoded[8] = 2;

        assertThatThrownBy(() -> KeyringHeader.parse(encoded))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_FAILURE));
    }

    @Test
    void parse_ofRandomBytesAfterAValidPrefix_throwsOnlyIntegrityFailureOrParsesWithinTheCaps() {
        Random random = new Random(9106);
        byte[] prefix = Arrays.copyOf(header.encode(), 9);
        for (int i = 0; i < 20_000; i++) {
            byte[] input = new byte[random.nextInt(100)];
            random.nextBytes(input);
            if (random.nextBoolean()) {
                System.arraycopy(prefix, 0, input, 0, Math.min(prefix.length, input.length));
            }
            try {
                Argon2Parameters argon2 = KeyringHeader.parse(input).argon2();
                assertThat(argon2.memoryKiB()).isBetween(1024, 1024 * 1024);
            } catch (CustodyException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_FAILURE);
            }
        }
    }

    @Test
    void parse_ofEveryValidPrefixWithHugeCosts_failsWithIntegrityFailure() {
        int[][] costs = {{Integer.MAX_VALUE, 1, 1}, {-1, 1, 1}, {65536, 1 << 20, 1}, {65536, 3, 255}};
        for (int[] cost : costs) {
            byte[] encoded = header.encode();
            ByteBuffer.wrap(encoded).putInt(25, cost[0]).putInt(29, cost[1]).putInt(33, cost[2]);
            assertThatThrownBy(() -> KeyringHeader.parse(encoded)).isInstanceOf(CustodyException.class);
        }
    }
}
