package dev.custody.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlacRejectionTest {
    @TempDir
    Path dir;

    private byte[] flac;

    @BeforeEach
    void encode() {
        float[] speech = TestSignals.speech(Duration.ofMillis(600), 16_000, 2, 5);
        flac = FlacTool.encode(WavEncoder.encode(speech, 16_000, 2, SampleEncoding.PCM_16), dir, "-8", "-b", "1152");
    }

    @Test
    void decode_rejectsAnySingleFlippedBitInTheFrames() {
        long seed = 20_261_129L;
        Random random = new Random(seed);
        int firstFrame = FlacTool.firstFrameOffset(flac);
        for (int i = 0; i < 300; i++) {
            byte[] corrupt = flac.clone();
            int bit = firstFrame * 8 + random.nextInt((flac.length - firstFrame) * 8);
            corrupt[bit / 8] ^= (byte) (0x80 >>> (bit % 8));

            assertCode(corrupt, ErrorCode.AUDIO_MALFORMED, "seed " + seed + ", bit " + bit);
        }
    }

    @Test
    void decode_rejectsTruncatedFlacAtEveryLength() {
        for (int length = 4; length < flac.length; length += 7) {
            assertCode(Arrays.copyOf(flac, length), ErrorCode.AUDIO_MALFORMED, "length " + length);
        }
    }

    @Test
    void decode_rejectsWrongMd5AndSampleCount() {
        byte[] wrongMd5 = flac.clone();
        wrongMd5[8 + 18 + 3] ^= 1; // a byte of STREAMINFO's MD5
        byte[] wrongTotal = flac.clone();
        wrongTotal[8 + 17] ^= 1; // the low byte of STREAMINFO's total samples

        assertThatThrownBy(() -> AudioDecoder.decode(wrongMd5)).hasMessageContaining("MD5");
        assertThatThrownBy(() -> AudioDecoder.decode(wrongTotal)).hasMessageContaining("sample count");
    }

    @Test
    void decode_acceptsUnknownMd5AndTotal() {
        byte[] unknown = flac.clone();
        Arrays.fill(unknown, 8 + 13, 8 + 34, (byte) 0);
        unknown[8 + 13] = flac[8 + 13]; // keep the 4 bits of bits-per-sample sharing the byte

        assertThat(AudioDecoder.decode(unknown).copySamples())
                .containsExactly(AudioDecoder.decode(flac).copySamples());
    }

    @Test
    void decode_rejectsUnsupportedChannelCountsAndSampleSizes() {
        byte[] eightBit = flac.clone();
        eightBit[8 + 12] = (byte) ((eightBit[8 + 12] & 0xF1) | (1 << 1)); // channels-1 = 1; bps-1 = 7 (high bit)
        eightBit[8 + 13] = (byte) ((eightBit[8 + 13] & 0x0F) | (7 << 4));
        byte[] threeChannels = flac.clone();
        threeChannels[8 + 12] = (byte) ((threeChannels[8 + 12] & 0xF1) | (2 << 1));

        assertCode(eightBit, ErrorCode.AUDIO_UNSUPPORTED_FORMAT, "8-bit");
        assertThatThrownBy(() -> AudioDecoder.decode(eightBit)).hasMessageContaining("8-bit FLAC");
        assertThatThrownBy(() -> AudioDecoder.decode(threeChannels)).hasMessageContaining("3 channels");
    }

    @Test
    void decode_rejectsMetadataBlockLongerThanTheFile() {
        byte[] lying = flac.clone();
        lying[43] = lying[44] = lying[45] = (byte) 0xFF; // the block after STREAMINFO: 16 MiB long
        byte[] huge = Arrays.copyOf(flac, 4 + 4 + 34 + 4);
        huge[4] &= 0x7F;
        huge[42] = (byte) 0x84; // last block, type 4 (comment), length 0xFFFFFF
        huge[43] = huge[44] = huge[45] = (byte) 0xFF;

        assertCode(lying, ErrorCode.AUDIO_MALFORMED, "lying");
        assertCode(huge, ErrorCode.AUDIO_MALFORMED, "huge");
    }

    private static void assertCode(byte[] file, ErrorCode code, String context) {
        assertThatThrownBy(() -> AudioDecoder.decode(file))
                .as(context)
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
