package dev.custody.audio;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.custody.CustodyException;

/**
 * Uploaded FLAC files: decoded to samples in [-1, 1], as many as the stream says, or refused as
 * malformed or unsupported. The seeds are short FLAC files (fixed and LPC subframes, several block
 * sizes).
 */
class FlacFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void decode(byte[] input) {
        try {
            WavFuzzTest.assertDecoded(FlacDecoder.decode(input));
        } catch (CustodyException e) {
            assertThat(e.code()).isIn(WavFuzzTest.REFUSALS);
        }
    }
}
