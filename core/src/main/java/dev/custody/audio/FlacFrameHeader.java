package dev.custody.audio;

import static dev.custody.audio.AudioDecoder.malformed;

/**
 * A FLAC frame header: sync code 0b11111111111110, a reserved 0 bit, the blocking strategy bit,
 * block size code (4 bits), sample rate code (4), channel assignment (4), sample size code (3), a
 * reserved 0 bit, the frame or sample number (1–7 bytes, UTF-8-like), the block size (8 or 16
 * bits) and sample rate (8 or 16 bits) where the codes say so, and a CRC-8 of all of it.
 *
 * <p>Custody requires every frame to agree with STREAMINFO (sample rate, channel count, sample
 * size) and its number to follow on from the previous frame, so frames cannot be reordered or
 * spliced in from another stream without failing.
 *
 * @param channelAssignment 0–7 for independent channels, 8 left/side, 9 right/side, 10 mid/side
 */
record FlacFrameHeader(int blockSize, int channelAssignment) {
    static final int LEFT_SIDE = 8;
    static final int RIGHT_SIDE = 9;
    static final int MID_SIDE = 10;
    private static final int[] SAMPLE_RATES = {
        0, 88_200, 176_400, 192_000, 8_000, 16_000, 22_050, 24_000, 32_000, 44_100, 48_000, 96_000
    };
    private static final int[] SAMPLE_SIZES = {0, 8, 12, -1, 16, 20, 24, 32};

    /**
     * Reads a header at the reader's (byte-aligned) position.
     *
     * @param frameIndex the number a fixed-blocksize frame must carry
     * @param sampleIndex the number a variable-blocksize frame must carry
     */
    static FlacFrameHeader read(
            FlacBitReader reader, byte[] data, FlacStreamInfo info, long frameIndex, long sampleIndex) {
        int start = reader.bytePosition();
        int sync = reader.readInt(16);
        if ((sync & 0xFFFE) != 0xFFF8) {
            throw malformed("frame sync code not found");
        }
        boolean variableBlocking = (sync & 1) == 1;
        int blockSizeCode = reader.readInt(4);
        int sampleRateCode = reader.readInt(4);
        int channelAssignment = reader.readInt(4);
        int sampleSizeCode = reader.readInt(3);
        if (reader.readInt(1) != 0) {
            throw malformed("reserved frame header bit set");
        }
        long number = readCodedNumber(reader);
        if (number != (variableBlocking ? sampleIndex : frameIndex)) {
            throw malformed("frame out of sequence");
        }
        int blockSize = blockSize(reader, blockSizeCode);
        if (blockSize > info.maxBlockSize()) {
            throw malformed("frame block size exceeds STREAMINFO's maximum");
        }
        checkSampleRate(reader, sampleRateCode, info.sampleRate());
        checkChannels(channelAssignment, info.channels());
        checkSampleSize(sampleSizeCode, info.bitsPerSample());
        int end = reader.bytePosition();
        if (reader.readInt(8) != FlacCrc.crc8(data, start, end)) {
            throw malformed("frame header CRC mismatch");
        }
        return new FlacFrameHeader(blockSize, channelAssignment);
    }

    int channels() {
        return channelAssignment < LEFT_SIDE ? channelAssignment + 1 : 2;
    }

    /** Reads the UTF-8-like coded number: a lead byte giving the length, then 10xxxxxx bytes. */
    private static long readCodedNumber(FlacBitReader reader) {
        int lead = reader.readInt(8);
        int length = Integer.numberOfLeadingZeros(~lead << 24);
        if (length == 0) {
            return lead;
        }
        if (length == 1 || length > 7) {
            throw malformed("invalid coded frame number");
        }
        long value = lead & (0x7F >>> length);
        for (int i = 1; i < length; i++) {
            int next = reader.readInt(8);
            if ((next & 0xC0) != 0x80) {
                throw malformed("invalid coded frame number");
            }
            value = (value << 6) | (next & 0x3F);
        }
        return value;
    }

    private static int blockSize(FlacBitReader reader, int code) {
        return switch (code) {
            case 0 -> throw malformed("reserved block size code");
            case 1 -> 192;
            case 2, 3, 4, 5 -> 576 << (code - 2);
            case 6 -> reader.readInt(8) + 1;
            case 7 -> reader.readInt(16) + 1;
            default -> 256 << (code - 8);
        };
    }

    private static void checkSampleRate(FlacBitReader reader, int code, int expected) {
        int rate = switch (code) {
            case 0 -> expected;
            case 12 -> reader.readInt(8) * 1000;
            case 13 -> reader.readInt(16);
            case 14 -> reader.readInt(16) * 10;
            case 15 -> throw malformed("invalid sample rate code");
            default -> SAMPLE_RATES[code];
        };
        if (rate != expected) {
            throw malformed("frame sample rate differs from STREAMINFO");
        }
    }

    private static void checkSampleSize(int code, int expected) {
        if (code != 0 && SAMPLE_SIZES[code] != expected) {
            throw malformed("frame sample size differs from STREAMINFO");
        }
    }

    private static void checkChannels(int assignment, int expected) {
        if (assignment > MID_SIDE) {
            throw malformed("reserved channel assignment");
        }
        int channels = assignment < LEFT_SIDE ? assignment + 1 : 2;
        if (channels != expected) {
            throw malformed("frame channel count differs from STREAMINFO");
        }
    }
}
