package dev.custody.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random mutations of valid files: decoding must either succeed with samples in [-1, 1] or
 * fail with a malformed or unsupported-format error, never with any other exception.
 */
class AudioDecoderFuzzTest {
    private static final long SEED = 0xC0FFEEL;
    private static final int ITERATIONS = 4_000;
    private static final Set<ErrorCode> ALLOWED = Set.of(ErrorCode.AUDIO_MALFORMED, ErrorCode.AUDIO_UNSUPPORTED_FORMAT);
    private static final int[] INTERESTING = {0, 1, 2, 3, 0xFF, 0xFFFF, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF};

    @TempDir
    static Path dir;

    private static List<byte[]> seeds;

    @BeforeAll
    static void makeSeedFiles() {
        float[] mono = TestSignals.speech(Duration.ofMillis(100), 16_000, 1, 1);
        float[] stereo = TestSignals.speech(Duration.ofMillis(100), 16_000, 2, 2);
        byte[] wav16 = WavEncoder.encode(mono, 16_000, 1, SampleEncoding.PCM_16);
        byte[] wav24 = WavEncoder.encode(stereo, 16_000, 2, SampleEncoding.PCM_24);
        seeds = List.of(
                wav16,
                wav24,
                WavEncoder.encode(stereo, 16_000, 2, SampleEncoding.FLOAT_32),
                FlacTool.encode(wav16, dir, "-0"),
                FlacTool.encode(wav24, dir, "-8", "-b", "512"),
                FlacTool.encode(wav16, dir, "-8", "--lax", "-l", "32", "-b", "256"));
    }

    @Test
    void decode_failsOnlyWithAudioErrorsOnMutatedFiles() {
        Random random = new Random(SEED);
        int decoded = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] file = seeds.get(random.nextInt(seeds.size())).clone();
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                file = mutate(file, random);
            }
            try {
                DecodedAudio audio = AudioDecoder.decode(file);
                decoded++;
                for (float sample : audio.samples()) {
                    assertThat(Math.abs(sample))
                            .as("seed %d, iteration %d", SEED, i)
                            .isLessThanOrEqualTo(1f);
                }
            } catch (CustodyException e) {
                assertThat(e.code())
                        .as("seed %d, iteration %d: %s", SEED, i, e.getMessage())
                        .isIn(ALLOWED);
            } catch (RuntimeException e) {
                fail("seed %d, iteration %d: %s".formatted(SEED, i, e), e);
            }
        }
        // Both outcomes must occur, or the mutations are too weak (or too strong) to test anything.
        assertThat(decoded).as("files that still decoded, seed %d", SEED).isBetween(1, ITERATIONS - 1);
    }

    private static byte[] mutate(byte[] file, Random random) {
        if (file.length < 8) {
            return file;
        }
        switch (random.nextInt(5)) {
            case 0 -> {
                int bit = random.nextInt(file.length * 8);
                file[bit / 8] ^= (byte) (1 << (bit % 8));
            }
            case 1 -> file = Arrays.copyOf(file, random.nextInt(file.length));
            case 2 -> overwriteSize(file, random);
            case 3 -> {
                int start = random.nextInt(file.length);
                int end = Math.min(file.length, start + 1 + random.nextInt(16));
                for (int i = start; i < end; i++) {
                    file[i] = (byte) random.nextInt(256);
                }
            }
            default -> {
                // Remove a slice, shifting everything after it: lengths then point mid-structure.
                int start = random.nextInt(file.length);
                int count = Math.min(file.length - start, 1 + random.nextInt(64));
                byte[] shorter = new byte[file.length - count];
                System.arraycopy(file, 0, shorter, 0, start);
                System.arraycopy(file, start + count, shorter, start, file.length - start - count);
                file = shorter;
            }
        }
        return file;
    }

    /** Overwrites a length field (RIFF and chunk sizes, FLAC block headers) or any word with a hostile value. */
    private static void overwriteSize(byte[] file, Random random) {
        int[] offsets = {4, 16, 40, 5, 42, 46};
        int offset = random.nextBoolean() ? offsets[random.nextInt(offsets.length)] : random.nextInt(file.length - 3);
        offset = Math.min(offset, file.length - 4);
        int value = random.nextBoolean() ? INTERESTING[random.nextInt(INTERESTING.length)] : random.nextInt();
        ByteOrder order = file[0] == 'R' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        ByteBuffer.wrap(file).order(order).putInt(offset, value);
    }
}
