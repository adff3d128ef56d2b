package dev.custody.audio;

import static dev.custody.audio.RiffBuilder.chunk;
import static dev.custody.audio.RiffBuilder.data;
import static dev.custody.audio.RiffBuilder.extensibleFmt;
import static dev.custody.audio.RiffBuilder.fmt;
import static dev.custody.audio.RiffBuilder.riff;
import static dev.custody.audio.RiffBuilder.withInt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WavRejectionTest {
    private static final byte[] VALID =
            WavEncoder.encode(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, 16_000, 2, SampleEncoding.PCM_16);

    @Test
    void decode_rejectsZeroLengthFile() {
        assertRejected(new byte[0], ErrorCode.AUDIO_MALFORMED, "too short");
    }

    @Test
    void decode_rejectsTextAndPng() {
        byte[] text = "hello, this is not audio at all".getBytes(StandardCharsets.UTF_8);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

        assertRejected(text, ErrorCode.AUDIO_UNSUPPORTED_FORMAT, "not a WAV or FLAC file");
        assertRejected(png, ErrorCode.AUDIO_UNSUPPORTED_FORMAT, "not a WAV or FLAC file");
    }

    @Test
    void decode_rejectsRiffThatIsNotWave() {
        byte[] avi = VALID.clone();
        System.arraycopy("AVI ".getBytes(StandardCharsets.US_ASCII), 0, avi, 8, 4);

        assertRejected(avi, ErrorCode.AUDIO_UNSUPPORTED_FORMAT, "not a WAV or FLAC file");
    }

    @Test
    void decode_rejectsTruncatedWavAtEveryLength() {
        for (int length = 0; length < VALID.length; length++) {
            assertRejected(Arrays.copyOf(VALID, length), ErrorCode.AUDIO_MALFORMED, "");
        }
    }

    @Test
    void decode_rejectsTruncatedWavWhoseRiffSizeWasFixedUp() {
        byte[] truncated = Arrays.copyOf(VALID, VALID.length - 3);

        assertRejected(withInt(truncated, 4, truncated.length - 8), ErrorCode.AUDIO_MALFORMED, "chunk size exceeds");
    }

    @Test
    void decode_rejectsDeclaredSizeOf4Gigabytes() {
        assertRejected(withInt(VALID, 4, 0xFFFF_FFFF), ErrorCode.AUDIO_MALFORMED, "RIFF size exceeds");
        assertRejected(withInt(VALID, 40, 0xFFFF_FFF0), ErrorCode.AUDIO_MALFORMED, "chunk size exceeds");
    }

    @Test
    void decode_rejectsRiffSizeSmallerThanTheFile() {
        byte[] trailing = Arrays.copyOf(VALID, VALID.length + 16);
        System.arraycopy(VALID, 0, trailing, 0, VALID.length);

        assertRejected(trailing, ErrorCode.AUDIO_MALFORMED, "bytes after the end of the RIFF chunk");
    }

    @Test
    void decode_rejectsChunkSizesThatLie() {
        assertRejected(withInt(VALID, 16, 18), ErrorCode.AUDIO_MALFORMED, "");
        assertRejected(withInt(VALID, 16, 12), ErrorCode.AUDIO_MALFORMED, "shorter than 16");
        assertRejected(withInt(VALID, 40, 6), ErrorCode.AUDIO_MALFORMED, "truncated chunk header");
        assertRejected(
                riff(fmt(1, 2, 16_000, 16), data(6)), ErrorCode.AUDIO_MALFORMED, "whole number of sample blocks");
        assertRejected(withInt(VALID, 40, 7), ErrorCode.AUDIO_MALFORMED, "");
    }

    @Test
    void decode_rejectsMisorderedOrRepeatedChunks() {
        assertRejected(riff(data(4), fmt(1, 1, 16_000, 16)), ErrorCode.AUDIO_MALFORMED, "data chunk before fmt");
        assertRejected(
                riff(fmt(1, 1, 16_000, 16), fmt(1, 1, 16_000, 16), data(4)),
                ErrorCode.AUDIO_MALFORMED,
                "more than one fmt");
        assertRejected(riff(fmt(1, 1, 16_000, 16), data(4), data(4)), ErrorCode.AUDIO_MALFORMED, "more than one data");
        assertRejected(riff(fmt(1, 1, 16_000, 16)), ErrorCode.AUDIO_MALFORMED, "no data chunk");
        assertRejected(riff(chunk("LIST", new byte[4])), ErrorCode.AUDIO_MALFORMED, "no fmt chunk");
    }

    @Test
    void decode_rejectsInconsistentFmtFields() {
        byte[] badAlign = riff(fmt(1, 2, 16_000, 16), data(8));
        byte[] badByteRate = riff(fmt(1, 2, 16_000, 16), data(8));

        assertRejected(withInt(badAlign, 32, 2 | (16 << 16)), ErrorCode.AUDIO_MALFORMED, "block align");
        assertRejected(withInt(badByteRate, 28, 1234), ErrorCode.AUDIO_MALFORMED, "byte rate");
        assertRejected(riff(fmt(1, 1, 0, 16), data(2)), ErrorCode.AUDIO_MALFORMED, "sample rate");
        assertRejected(riff(fmt(1, 0, 16_000, 16), data(2)), ErrorCode.AUDIO_MALFORMED, "0 channels");
    }

    @Test
    void decode_rejectsUnsupportedEncodingsNamingThem() {
        assertRejected(riff(fmt(1, 1, 16_000, 8), data(4)), ErrorCode.AUDIO_UNSUPPORTED_FORMAT, "8-bit PCM");
        assertRejected(riff(fmt(1, 1, 16_000, 32), data(4)), ErrorCode.AUDIO_UNSUPPORTED_FORMAT, "32-bit integer PCM");
        assertRejected(riff(fmt(3, 1, 16_000, 64), data(8)), ErrorCode.AUDIO_UNSUPPORTED_FORMAT, "64-bit float");
        assertRejected(riff(fmt(7, 1, 16_000, 8), data(4)), ErrorCode.AUDIO_UNSUPPORTED_FORMAT, "mu-law");
        assertRejected(riff(fmt(2, 1, 16_000, 4), data(4)), ErrorCode.AUDIO_UNSUPPORTED_FORMAT, "ADPCM");
        assertRejected(riff(fmt(0x1234, 1, 16_000, 16), data(4)), ErrorCode.AUDIO_UNSUPPORTED_FORMAT, "0x1234");
        assertRejected(
                riff(extensibleFmt(1, 1, 16_000, 16, (byte) 0x72), data(4)),
                ErrorCode.AUDIO_UNSUPPORTED_FORMAT,
                "GUID");
    }

    @Test
    void decode_rejectsThreeChannels() {
        byte[] file = WavEncoder.encode(new float[6], 16_000, 3, SampleEncoding.PCM_16);

        assertRejected(file, ErrorCode.AUDIO_UNSUPPORTED_FORMAT, "3 channels");
    }

    @Test
    void decode_rejectsNonFiniteFloats() {
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            byte[] body = ByteBuffer.allocate(8)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putFloat(0.5f)
                    .putFloat(bad)
                    .array();

            assertRejected(
                    riff(fmt(3, 1, 16_000, 32), chunk("data", body)), ErrorCode.AUDIO_MALFORMED, "NaN or infinite");
        }
    }

    private static void assertRejected(byte[] file, ErrorCode code, String message) {
        assertThatThrownBy(() -> AudioDecoder.decode(file))
                .as("file of %d bytes", file.length)
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessageContaining(message);
    }
}
