package dev.custody.audio;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.util.Set;

/**
 * Uploaded WAV files: decoded to samples in [-1, 1], as many as the header says, or refused as
 * malformed or unsupported. The seeds are short WAV files in each sample encoding.
 */
class WavFuzzTest {
    static final Set<ErrorCode> REFUSALS = Set.of(ErrorCode.AUDIO_MALFORMED, ErrorCode.AUDIO_UNSUPPORTED_FORMAT);

    @FuzzTest(maxDuration = "2m")
    void parse(byte[] input) {
        try {
            assertDecoded(WavParser.parse(input));
        } catch (CustodyException e) {
            assertThat(e.code()).isIn(REFUSALS);
        }
    }

    static void assertDecoded(DecodedAudio audio) {
        float[] samples = audio.copySamples();
        assertThat((long) samples.length)
                .isEqualTo(audio.info().frames() * audio.info().channels());
        for (float sample : samples) {
            assertThat(sample).isBetween(-1f, 1f);
        }
    }
}
