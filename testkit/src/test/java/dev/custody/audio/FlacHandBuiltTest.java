package dev.custody.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.audio.FlacStreamBuilder.Header;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Streams the reference encoder does not write: escape codes, odd headers, hostile values. */
class FlacHandBuiltTest {
    private static final int VERBATIM = 1;
    private static final int FIXED_1 = 9;

    @Test
    void decode_readsEscapedAndRicePartitionsWithFourBitParameters() {
        int[] residuals = randomResiduals(15, 40, 1);
        FlacBits sub = subframeHeader(FIXED_1, 0).bits(100, 16); // warm-up sample
        sub.bits(0, 2).bits(1, 4); // 4-bit parameters, two partitions of 8
        sub.bits(15, 4).bits(7, 5); // escape: raw signed 7-bit residuals
        for (int i = 0; i < 7; i++) {
            sub.bits(residuals[i], 7);
        }
        sub.bits(3, 4);
        for (int i = 7; i < 15; i++) {
            sub.rice(residuals[i], 3);
        }

        assertThat(decodeMono(16, sub)).containsExactly(integrate(100, residuals));
    }

    @Test
    void decode_readsFiveBitParametersAndZeroWidthEscape() {
        FlacBits sub = subframeHeader(FIXED_1, 0).bits(-5, 24);
        sub.bits(1, 2).bits(1, 4); // 5-bit parameters, two partitions of 8
        sub.bits(31, 5).bits(0, 5); // escape with 0 bits: seven zero residuals
        sub.bits(20, 5);
        int[] residuals = new int[15];
        for (int i = 7; i < 15; i++) {
            residuals[i] = (i % 2 == 0 ? 1 : -1) * (1 << 19) + i;
            sub.rice(residuals[i], 20);
        }

        assertThat(decodeMono(24, sub)).containsExactly(integrate(-5, residuals));
    }

    @Test
    void decode_predictsLpcWithPrecisionAndShift() {
        int[] residuals = randomResiduals(14, 30, 2);
        int[] coefficients = {3, -1}; // with shift 1: 1.5 s[n-1] - 0.5 s[n-2]
        FlacBits sub = subframeHeader(32 + 1, 0).bits(10, 16).bits(20, 16);
        sub.bits(3, 4).bits(1, 5).bits(3, 4).bits(-1, 4); // precision 4 bits, shift 1
        sub.bits(0, 2).bits(0, 4).bits(5, 4);
        for (int r : residuals) {
            sub.rice(r, 5);
        }
        int[] expected = new int[16];
        expected[0] = 10;
        expected[1] = 20;
        for (int i = 2; i < 16; i++) {
            expected[i] =
                    residuals[i - 2] + ((coefficients[0] * expected[i - 1] + coefficients[1] * expected[i - 2]) >> 1);
        }

        assertThat(decodeMono(16, sub)).containsExactly(expected);
    }

    @Test
    void decode_restoresWastedBits() {
        FlacBits sub = subframeHeader(VERBATIM, 3);
        for (int i = 0; i < 16; i++) {
            sub.bits(i - 8, 13);
        }
        int[] expected = new int[16];
        for (int i = 0; i < 16; i++) {
            expected[i] = (i - 8) << 3;
        }

        assertThat(decodeMono(16, sub)).containsExactly(expected);
    }

    @Test
    void decode_undoesEachStereoDecorrelation() {
        int[] left = {1000, -3, 32767, -32768};
        int[] right = {-999, 4, -32768, 32767};

        assertThat(decodeStereo(8, left, sideOf(left, right))).containsExactly(interleave(left, right));
        assertThat(decodeStereo(9, sideOf(left, right), right)).containsExactly(interleave(left, right));
        int[] mid = new int[4];
        for (int i = 0; i < 4; i++) {
            mid[i] = (left[i] + right[i]) >> 1;
        }
        assertThat(decodeStereo(10, mid, sideOf(left, right))).containsExactly(interleave(left, right));
    }

    @Test
    void decode_readsVariableBlockingAndLongCodedNumbers() {
        byte[] stream = FlacStreamBuilder.stream(
                16_000,
                1,
                16,
                0,
                FlacStreamBuilder.frame(new Header(true, 0, 16, 0, 0, 0, 0, 4), constant(7)),
                FlacStreamBuilder.frame(new Header(true, 16, 16, 0, 0, 0, 0, 4), constant(8)));
        byte[] skipping = FlacStreamBuilder.stream(
                16_000,
                1,
                16,
                0,
                FlacStreamBuilder.frame(new Header(true, 0, 16, 0, 0, 0, 0, 0), constant(7)),
                FlacStreamBuilder.frame(new Header(true, 1L << 33, 16, 0, 0, 0, 0, 0), constant(8)));

        assertThat(AudioDecoder.decode(stream).info().frames()).isEqualTo(32);
        assertMalformed(skipping, "out of sequence");
    }

    @Test
    void decode_readsSampleRatesCodedInTheHeader() {
        assertThat(decodeWithRate(22_000, 12, 8, 22).info().sampleRate()).isEqualTo(22_000);
        assertThat(decodeWithRate(12_345, 13, 16, 12_345).info().sampleRate()).isEqualTo(12_345);
        assertThat(decodeWithRate(44_110, 14, 16, 4_411).info().sampleRate()).isEqualTo(44_110);
        assertThatThrownBy(() -> decodeWithRate(44_100, 10, 0, 0)).hasMessageContaining("sample rate differs");
    }

    @Test
    void decode_rejectsHostileSubframes() {
        assertMalformed(mono(subframeHeader(2, 0)), "reserved subframe type");
        assertMalformed(mono(subframeHeader(13, 0)), "reserved subframe type");
        assertMalformed(mono(subframeHeader(VERBATIM, 16)), "wasted bits");
        FlacBits negativeShift = subframeHeader(32, 0).bits(0, 16).bits(3, 4).bits(-1, 5);
        assertMalformed(mono(negativeShift), "negative LPC shift");
        assertMalformed(mono(subframeHeader(32, 0).bits(0, 16).bits(15, 4)), "precision");
        assertMalformed(mono(subframeHeader(FIXED_1, 0).bits(0, 16).bits(2, 2)), "reserved residual coding method");
        assertMalformed(mono(subframeHeader(FIXED_1, 0).bits(0, 16).bits(0, 2).bits(5, 4)), "partition order");
        FlacBits overflow = subframeHeader(FIXED_1, 0)
                .bits(32_000, 16)
                .bits(0, 2)
                .bits(0, 4)
                .bits(15, 4)
                .bits(16, 5);
        for (int i = 0; i < 15; i++) {
            overflow.bits(30_000, 16);
        }
        assertMalformed(mono(overflow), "out of range");
    }

    @Test
    void decode_rejectsFramesThatDisagreeWithStreamInfo() {
        byte[] wrongChannels = FlacStreamBuilder.stream(
                16_000,
                1,
                16,
                0,
                FlacStreamBuilder.frame(
                        Header.fixed(0, 16, 1),
                        constant(1).bytes(constant(1).alignWithZeros().toByteArray())));
        byte[] wrongSize = FlacStreamBuilder.stream(
                16_000, 1, 16, 0, FlacStreamBuilder.frame(new Header(false, 0, 16, 0, 0, 0, 0, 6), constant(1)));

        byte[] oversized = FlacStreamBuilder.stream(
                16_000, 1, 16, 0, FlacStreamBuilder.frame(Header.fixed(0, 16, 0), constant(1)));
        oversized[8] = oversized[9] = oversized[10] = 0; // STREAMINFO: block sizes 0 to 8
        oversized[11] = 8;

        assertMalformed(oversized, "exceeds STREAMINFO's maximum");
        assertMalformed(wrongChannels, "channel count differs");
        assertMalformed(wrongSize, "sample size differs");
    }

    @Test
    void decode_rejectsGarbageAfterTheLastFrameAndMissingFrames() {
        byte[] frame = FlacStreamBuilder.frame(Header.fixed(0, 16, 0), constant(3));
        byte[] valid = FlacStreamBuilder.stream(16_000, 1, 16, 16, frame);
        byte[] trailing = Arrays.copyOf(valid, valid.length + 3);

        assertThat(AudioDecoder.decode(valid).info().frames()).isEqualTo(16);
        assertThat(AudioDecoder.decode(FlacStreamBuilder.stream(16_000, 1, 16, 0))
                        .info()
                        .frames())
                .isZero();
        assertMalformed(trailing, "sync");
        assertMalformed(FlacStreamBuilder.stream(16_000, 1, 16, 16), "sample count");
    }

    @Test
    void sampleBuffer_refusesToGrowPastTheCap() {
        SampleBuffer buffer = new SampleBuffer();
        buffer.reserve(1_000);
        buffer.add(0.5f);

        // Checked before any allocation: this would otherwise ask for a 230 MB array.
        assertThatThrownBy(() -> buffer.reserve((int) AudioDecoder.MAX_DECODED_SAMPLES))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AUDIO_TOO_LONG));
    }

    private static DecodedAudio decodeWithRate(int streamRate, int code, int extraBits, int extra) {
        byte[] frame = FlacStreamBuilder.frame(new Header(false, 0, 16, code, extraBits, extra, 0, 0), constant(1));
        return AudioDecoder.decode(FlacStreamBuilder.stream(streamRate, 1, 16, 16, frame));
    }

    private static FlacBits subframeHeader(int type, int wastedBits) {
        FlacBits bits = new FlacBits().bits(0, 1).bits(type, 6).bits(wastedBits > 0 ? 1 : 0, 1);
        return wastedBits > 0 ? bits.unary(wastedBits - 1) : bits;
    }

    private static FlacBits constant(int value) {
        return subframeHeader(0, 0).bits(value, 16);
    }

    private static byte[] mono(FlacBits subframe) {
        return FlacStreamBuilder.stream(16_000, 1, 16, 0, FlacStreamBuilder.frame(Header.fixed(0, 16, 0), subframe));
    }

    private static int[] decodeMono(int bitsPerSample, FlacBits subframe) {
        byte[] frame = FlacStreamBuilder.frame(new Header(false, 0, 16, 0, 0, 0, 0, 0), subframe);
        return toInts(
                AudioDecoder.decode(FlacStreamBuilder.stream(16_000, 1, bitsPerSample, 16, frame)), bitsPerSample);
    }

    private static int[] decodeStereo(int assignment, int[] first, int[] second) {
        FlacBits subframes = subframeHeader(VERBATIM, 0);
        int firstBits = assignment == 9 ? 17 : 16;
        for (int s : first) {
            subframes.bits(s, firstBits);
        }
        subframes.bits(0, 1).bits(VERBATIM, 6).bits(0, 1);
        for (int s : second) {
            subframes.bits(s, assignment == 9 ? 16 : 17);
        }
        byte[] frame = FlacStreamBuilder.frame(Header.fixed(0, first.length, assignment), subframes);
        return toInts(AudioDecoder.decode(FlacStreamBuilder.stream(16_000, 2, 16, first.length, frame)), 16);
    }

    private static int[] toInts(DecodedAudio audio, int bits) {
        float[] samples = audio.copySamples();
        int[] ints = new int[samples.length];
        for (int i = 0; i < samples.length; i++) {
            ints[i] = Math.round(samples[i] * (1 << (bits - 1)));
        }
        return ints;
    }

    private static int[] sideOf(int[] left, int[] right) {
        int[] side = new int[left.length];
        for (int i = 0; i < left.length; i++) {
            side[i] = left[i] - right[i];
        }
        return side;
    }

    private static int[] interleave(int[] left, int[] right) {
        int[] out = new int[left.length * 2];
        for (int i = 0; i < left.length; i++) {
            out[2 * i] = left[i];
            out[2 * i + 1] = right[i];
        }
        return out;
    }

    private static int[] randomResiduals(int count, int bound, long seed) {
        Random random = new Random(seed);
        int[] residuals = new int[count];
        for (int i = 0; i < count; i++) {
            residuals[i] = random.nextInt(2 * bound + 1) - bound;
        }
        return residuals;
    }

    private static int[] integrate(int start, int[] residuals) {
        int[] samples = new int[residuals.length + 1];
        samples[0] = start;
        for (int i = 0; i < residuals.length; i++) {
            samples[i + 1] = samples[i] + residuals[i];
        }
        return samples;
    }

    private static void assertMalformed(byte[] stream, String message) {
        assertThatThrownBy(() -> AudioDecoder.decode(stream))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AUDIO_MALFORMED))
                .hasMessageContaining(message);
    }
}
