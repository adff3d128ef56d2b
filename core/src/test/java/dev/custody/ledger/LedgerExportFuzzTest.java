package dev.custody.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.io.ByteArrayInputStream;
import java.util.Optional;

/**
 * Ledger exports from outside, read as an offline verifier reads them: the container, then every
 * checkpoint note and every entry decoded. Each step gives a value or fails with INTEGRITY_FAILURE.
 * The seeds are exports written by {@link LedgerExportWriter}.
 */
class LedgerExportFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void read(byte[] input) {
        try {
            LedgerExportReader reader = LedgerExportReader.open(new ByteArrayInputStream(input));
            for (String note : reader.checkpoints()) {
                decodeOrRefuse(() -> Checkpoint.parse(note));
            }
            for (Optional<Bytes> entry = reader.nextEntry(); entry.isPresent(); entry = reader.nextEntry()) {
                Bytes bytes = entry.get();
                decodeOrRefuse(() -> LedgerEntryCodec.decode(bytes));
            }
        } catch (CustodyException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_FAILURE);
        }
    }

    private static void decodeOrRefuse(Runnable decode) {
        try {
            decode.run();
        } catch (CustodyException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_FAILURE);
        }
    }
}
