package dev.custody.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;

/**
 * Checkpoint notes from outside: parsed to a checkpoint that prints as exactly the input, or refused
 * with INTEGRITY_FAILURE. The seeds are signed notes.
 */
class CheckpointFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void parse(byte[] input) {
        String text = new String(input, UTF_8);
        try {
            assertThat(Checkpoint.parse(text).text()).isEqualTo(text);
        } catch (CustodyException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_FAILURE);
        }
    }
}
