package dev.custody.audio;

import static dev.custody.audio.AudioDecoder.malformed;

/**
 * Reads a FLAC stream bit by bit, most significant bit first. Every read is checked against the
 * end of the input and fails with {@code AUDIO_MALFORMED}, so no hostile length can index past the
 * array.
 */
final class FlacBitReader {
    private final byte[] data;
    private final long limit;
    private long position;

    FlacBitReader(byte[] data, int startByte) {
        this.data = data;
        this.limit = (long) data.length * 8;
        this.position = (long) startByte * 8;
    }

    boolean atEnd() {
        return position >= limit;
    }

    /** The current byte offset; only meaningful at a byte boundary. */
    int bytePosition() {
        if ((position & 7) != 0) {
            throw new IllegalStateException("not at a byte boundary");
        }
        return (int) (position >>> 3);
    }

    void skipBytes(long count) {
        require(count * 8);
        position += count * 8;
    }

    void alignToByte() {
        position = (position + 7) & ~7L;
        require(0);
    }

    /** Reads {@code count} (0 to 32) bits as an unsigned value. */
    long readUnsigned(int count) {
        require(count);
        long result = 0;
        int remaining = count;
        while (remaining > 0) {
            int offset = (int) (position & 7);
            int available = 8 - offset;
            int take = Math.min(available, remaining);
            int bits = ((data[(int) (position >>> 3)] & 0xFF) >>> (available - take)) & ((1 << take) - 1);
            result = (result << take) | bits;
            remaining -= take;
            position += take;
        }
        return result;
    }

    int readInt(int count) {
        return (int) readUnsigned(count);
    }

    /** Reads {@code count} (0 to 32) bits as a two's complement value. */
    int readSigned(int count) {
        if (count == 0) {
            return 0;
        }
        long value = readUnsigned(count);
        return (int) ((value << (64 - count)) >> (64 - count));
    }

    /** Counts zero bits up to and including the next one bit, returning the number of zeros. */
    long readUnary() {
        long zeros = 0;
        while (true) {
            require(1);
            int offset = (int) (position & 7);
            int rest = (data[(int) (position >>> 3)] << offset) & 0xFF;
            if (rest != 0) {
                int leading = Integer.numberOfLeadingZeros(rest) - 24;
                position += leading + 1;
                return zeros + leading;
            }
            zeros += 8 - offset;
            position += 8 - offset;
        }
    }

    /** Reads a Rice-coded residual with parameter {@code parameter}, zig-zag mapped to a signed value. */
    int readRice(int parameter) {
        long quotient = readUnary();
        // The folded value must fit in 32 bits, as the format requires of every residual.
        if (quotient > (0xFFFF_FFFFL >>> parameter)) {
            throw malformed("residual out of range");
        }
        long folded = (quotient << parameter) | readUnsigned(parameter);
        return (int) ((folded >>> 1) ^ -(folded & 1));
    }

    private void require(long bits) {
        if (position + bits > limit) {
            throw malformed("unexpected end of FLAC stream");
        }
    }
}
