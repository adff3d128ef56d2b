package dev.custody.audio;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes canonical WAV files: {@code RIFF} header, a 16-byte {@code fmt } chunk (format tag 1 for
 * PCM, 3 for float) and one {@code data} chunk, all little-endian, with no other chunks.
 *
 * <p>Integer encodings scale by a power of two ({@code round(x * 2^(bits-1))}, clamped to the
 * sample range), the exact inverse of {@link AudioDecoder}'s normalization: any sample of the form
 * {@code k / 2^(bits-1)} survives a round trip bit for bit. Float samples are written as given.
 */
public final class WavEncoder {
    private static final int HEADER_SIZE = 44;

    private WavEncoder() {}

    /**
     * Encodes interleaved samples as a WAV file.
     *
     * @throws IllegalArgumentException if the arguments do not describe audio (no channels, a sample
     *     rate outside 1 Hz to 1 MHz, a sample count that is not a whole number of frames, a
     *     non-finite sample, or more than 2 GB of data)
     */
    public static byte[] encode(float[] interleaved, int sampleRate, int channels, SampleEncoding encoding) {
        requireNonNull(interleaved, "interleaved is null");
        requireNonNull(encoding, "encoding is null");
        if (channels < 1
                || channels > 0xFFFF
                || sampleRate < 1
                || sampleRate > 1_000_000
                || interleaved.length % channels != 0) {
            throw new IllegalArgumentException("channels, sample rate or sample count invalid");
        }
        int bytesPerSample = bytesPerSample(encoding);
        long dataSize = (long) interleaved.length * bytesPerSample;
        if (dataSize + HEADER_SIZE > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many samples for one WAV file");
        }
        ByteBuffer out = ByteBuffer.allocate(HEADER_SIZE + (int) dataSize).order(ByteOrder.LITTLE_ENDIAN);
        writeHeader(out, sampleRate, channels, encoding, (int) dataSize);
        for (float sample : interleaved) {
            writeSample(out, sample, encoding);
        }
        return out.array();
    }

    private static void writeHeader(
            ByteBuffer out, int sampleRate, int channels, SampleEncoding encoding, int dataSize) {
        int blockAlign = channels * bytesPerSample(encoding);
        out.put(ascii("RIFF")).putInt(HEADER_SIZE - 8 + dataSize).put(ascii("WAVE"));
        out.put(ascii("fmt ")).putInt(16);
        out.putShort((short) (encoding == SampleEncoding.FLOAT_32 ? 3 : 1));
        out.putShort((short) channels);
        out.putInt(sampleRate);
        out.putInt(sampleRate * blockAlign);
        out.putShort((short) blockAlign);
        out.putShort((short) (8 * bytesPerSample(encoding)));
        out.put(ascii("data")).putInt(dataSize);
    }

    private static void writeSample(ByteBuffer out, float sample, SampleEncoding encoding) {
        if (!Float.isFinite(sample)) {
            throw new IllegalArgumentException("sample is NaN or infinite");
        }
        switch (encoding) {
            case PCM_16 -> out.putShort((short) quantize(sample, 16));
            case PCM_24 -> {
                int value = quantize(sample, 24);
                out.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
            }
            case FLOAT_32 -> out.putFloat(sample);
        }
    }

    private static int quantize(float sample, int bits) {
        long scale = 1L << (bits - 1);
        return (int) Math.clamp(Math.round((double) sample * scale), -scale, scale - 1);
    }

    private static int bytesPerSample(SampleEncoding encoding) {
        return switch (encoding) {
            case PCM_16 -> 2;
            case PCM_24 -> 3;
            case FLOAT_32 -> 4;
        };
    }

    private static byte[] ascii(String id) {
        return id.getBytes(StandardCharsets.US_ASCII);
    }
}
