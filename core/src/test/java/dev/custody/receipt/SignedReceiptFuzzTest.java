package dev.custody.receipt;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;

/**
 * Clip receipts brought by contributors: parsed to a receipt that prints as exactly the input, or
 * refused with INVALID_INPUT. The seeds are signed receipts, with and without a ledger proof.
 */
class SignedReceiptFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void parse(byte[] input) {
        String text = new String(input, UTF_8);
        try {
            assertThat(SignedReceipt.parse(text).toText()).isEqualTo(text);
        } catch (CustodyException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        }
    }
}
