package dev.custody.audio;

import static dev.custody.audio.AudioDecoder.malformed;
import static dev.custody.audio.AudioDecoder.unsupported;
import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A WAV {@code fmt } chunk, parsed and checked for consistency.
 *
 * <p>Layout (little-endian): format tag (2 bytes), channels (2), sample rate (4), byte rate (4),
 * block align (2), bits per sample (2); for {@code WAVE_FORMAT_EXTENSIBLE} (tag 0xFFFE) then
 * extension size (2, at least 22), valid bits (2), channel mask (4) and the sub-format GUID (16),
 * whose first two bytes are the real format tag and whose other 14 must be the standard suffix.
 *
 * <p>The encoding is judged first (so an 8-bit or 6-channel file is reported as unsupported, naming
 * what it holds), then the layout: 1–2 channels, a sample rate of 1 Hz to 1 MHz (the quality gate
 * applies the project's range), block align = channels × bytes per sample, byte rate = sample rate
 * × block align.
 */
record WavFormat(SampleEncoding encoding, int channels, int sampleRate, int blockAlign) {
    private static final int TAG_PCM = 1;
    private static final int TAG_FLOAT = 3;
    private static final int TAG_EXTENSIBLE = 0xFFFE;
    private static final int BASIC_SIZE = 16;
    private static final int EXTENSIBLE_SIZE = 40;
    private static final int MAX_SAMPLE_RATE = 1_000_000;
    private static final byte[] GUID_SUFFIX = {
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71
    };

    WavFormat {
        requireNonNull(encoding, "encoding is null");
    }

    int bytesPerSample() {
        return blockAlign / channels;
    }

    /** Parses the chunk body in {@code body} (positioned at its start, limited to its end). */
    static WavFormat parse(ByteBuffer body) {
        ByteBuffer fmt = body.slice().order(ByteOrder.LITTLE_ENDIAN);
        if (fmt.remaining() < BASIC_SIZE) {
            throw malformed("fmt chunk shorter than 16 bytes");
        }
        int tag = u16(fmt, 0);
        int channels = u16(fmt, 2);
        long sampleRate = u32(fmt, 4);
        long byteRate = u32(fmt, 8);
        int blockAlign = u16(fmt, 12);
        int bits = u16(fmt, 14);
        if (tag == TAG_EXTENSIBLE) {
            tag = subFormat(fmt, bits);
        }
        SampleEncoding encoding = encoding(tag, bits);
        checkLayout(channels, sampleRate, byteRate, blockAlign, bits);
        return new WavFormat(encoding, channels, (int) sampleRate, blockAlign);
    }

    private static void checkLayout(int channels, long sampleRate, long byteRate, int blockAlign, int bits) {
        if (channels == 0) {
            throw malformed("fmt chunk declares 0 channels");
        }
        if (channels > 2) {
            throw unsupported(channels + " channels (accepted: mono or stereo)");
        }
        if (sampleRate == 0 || sampleRate > MAX_SAMPLE_RATE) {
            throw malformed("implausible sample rate " + sampleRate);
        }
        if (blockAlign != channels * (bits / 8)) {
            throw malformed("block align " + blockAlign + " does not match channels and sample size");
        }
        if (byteRate != sampleRate * blockAlign) {
            throw malformed("byte rate " + byteRate + " does not match sample rate and block align");
        }
    }

    private static int subFormat(ByteBuffer fmt, int bits) {
        if (fmt.remaining() < EXTENSIBLE_SIZE || u16(fmt, 16) < EXTENSIBLE_SIZE - 18) {
            throw malformed("extensible fmt chunk too short");
        }
        int validBits = u16(fmt, 18);
        if (validBits == 0 || validBits > bits) {
            throw malformed("valid bits " + validBits + " do not fit a " + bits + "-bit container");
        }
        for (int i = 0; i < GUID_SUFFIX.length; i++) {
            if (fmt.get(26 + i) != GUID_SUFFIX[i]) {
                throw unsupported("WAV sub-format GUID is not a standard format");
            }
        }
        return u16(fmt, 24);
    }

    private static SampleEncoding encoding(int tag, int bits) {
        if (tag == TAG_PCM && bits == 16) {
            return SampleEncoding.PCM_16;
        }
        if (tag == TAG_PCM && bits == 24) {
            return SampleEncoding.PCM_24;
        }
        if (tag == TAG_FLOAT && bits == 32) {
            return SampleEncoding.FLOAT_32;
        }
        String found = switch (tag) {
            case TAG_PCM -> bits == 32 ? "32-bit integer PCM" : bits + "-bit PCM";
            case TAG_FLOAT -> bits + "-bit float";
            case 2 -> "Microsoft ADPCM";
            case 6 -> "A-law";
            case 7 -> "mu-law";
            case 0x11 -> "IMA ADPCM";
            case 0x55 -> "MPEG layer 3";
            default -> String.format("format tag 0x%04X", tag);
        };
        throw unsupported("WAV encoding " + found + " (accepted: 16- or 24-bit PCM, 32-bit float)");
    }

    private static int u16(ByteBuffer buffer, int index) {
        return Short.toUnsignedInt(buffer.getShort(index));
    }

    private static long u32(ByteBuffer buffer, int index) {
        return Integer.toUnsignedLong(buffer.getInt(index));
    }
}
