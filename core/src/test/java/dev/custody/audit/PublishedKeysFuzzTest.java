package dev.custody.audit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;

/**
 * Published key documents, as a verifier downloads them: parsed to keys that print as exactly the
 * input, or refused with INVALID_INPUT. The seed is a document of freshly made keys.
 */
class PublishedKeysFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void parse(byte[] input) {
        String text = new String(input, UTF_8);
        try {
            assertThat(PublishedKeys.parse(text).toText()).isEqualTo(text);
        } catch (CustodyException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        }
    }
}
