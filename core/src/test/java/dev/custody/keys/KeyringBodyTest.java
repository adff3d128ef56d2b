package dev.custody.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyringBodyTest {
    @Test
    void decode_ofRandomBytes_throwsOnlyIntegrityFailure() {
        Random random = new Random(8032);
        for (int i = 0; i < 20_000; i++) {
            byte[] input = new byte[random.nextInt(200)];
            random.nextBytes(input);
            // Small counts and codes reach deeper into the decoder than uniform bytes would.
            if (input.length > 2) {
                input[0] = (byte) random.nextInt(3);
                input[1] = (byte) random.nextInt(3);
            }
            try {
                KeyringBody.decode(input);
            } catch (CustodyException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_FAILURE);
            }
        }
    }
}
