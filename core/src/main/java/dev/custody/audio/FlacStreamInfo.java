package dev.custody.audio;

import static dev.custody.audio.AudioDecoder.malformed;
import static dev.custody.audio.AudioDecoder.unsupported;
import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;

/**
 * A FLAC STREAMINFO block (34 bytes, big-endian bit fields): minimum and maximum block size (16
 * bits each), minimum and maximum frame size (24 each), sample rate (20), channels minus one (3),
 * bits per sample minus one (5), total samples per channel (36, 0 if unknown) and the MD5 of the
 * decoded samples (128, all zero if unknown).
 */
record FlacStreamInfo(int maxBlockSize, int sampleRate, int channels, int bitsPerSample, long totalSamples, Bytes md5) {
    static final int LENGTH = 34;

    FlacStreamInfo {
        requireNonNull(md5, "md5 is null");
    }

    SampleEncoding encoding() {
        return bitsPerSample == 16 ? SampleEncoding.PCM_16 : SampleEncoding.PCM_24;
    }

    /** Reads the block body; accepts only what Custody decodes (1–2 channels, 16 or 24 bits). */
    static FlacStreamInfo read(FlacBitReader reader) {
        int minBlockSize = reader.readInt(16);
        int maxBlockSize = reader.readInt(16);
        reader.readUnsigned(24); // frame sizes are hints only; frames are found by parsing
        reader.readUnsigned(24);
        int sampleRate = reader.readInt(20);
        int channels = reader.readInt(3) + 1;
        int bitsPerSample = reader.readInt(5) + 1;
        long totalSamples = (reader.readUnsigned(4) << 32) | reader.readUnsigned(32);
        byte[] md5 = new byte[16];
        for (int i = 0; i < md5.length; i++) {
            md5[i] = (byte) reader.readInt(8);
        }
        if (sampleRate == 0) {
            throw malformed("STREAMINFO sample rate is 0");
        }
        if (minBlockSize > maxBlockSize) {
            throw malformed("STREAMINFO block sizes are inconsistent");
        }
        if (channels > 2) {
            throw unsupported(channels + " channels (accepted: mono or stereo)");
        }
        if (bitsPerSample != 16 && bitsPerSample != 24) {
            throw unsupported(bitsPerSample + "-bit FLAC (accepted: 16 or 24 bits)");
        }
        return new FlacStreamInfo(maxBlockSize, sampleRate, channels, bitsPerSample, totalSamples, Bytes.copyOf(md5));
    }
}
