package dev.custody.audio;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Assembles FLAC streams from hand-written frames, with correct checksums unless told otherwise. */
final class FlacStreamBuilder {
    /** A frame header's fields; rate code 0 and size code 0 defer to STREAMINFO. */
    record Header(
            boolean variable,
            long number,
            int blockSize,
            int rateCode,
            int rateExtraBits,
            int rateExtra,
            int channelAssignment,
            int sizeCode) {
        static Header fixed(long number, int blockSize, int channelAssignment) {
            return new Header(false, number, blockSize, 0, 0, 0, channelAssignment, 0);
        }
    }

    private FlacStreamBuilder() {}

    static byte[] stream(int sampleRate, int channels, int bitsPerSample, long totalSamples, byte[]... frames) {
        FlacBits bits = new FlacBits().bytes("fLaC".getBytes(StandardCharsets.US_ASCII));
        bits.bits(1, 1).bits(0, 7).bits(34, 24);
        bits.bits(16, 16).bits(65_535, 16).bits(0, 24).bits(0, 24);
        bits.bits(sampleRate, 20)
                .bits(channels - 1, 3)
                .bits(bitsPerSample - 1, 5)
                .bits(totalSamples, 36);
        bits.bytes(new byte[16]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bits.toByteArray());
        for (byte[] frame : frames) {
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }

    /** A frame: the header, the subframes already written to {@code subframes}, padding and CRC-16. */
    static byte[] frame(Header header, FlacBits subframes) {
        FlacBits bits = new FlacBits();
        bits.bits(0xFFF8 | (header.variable() ? 1 : 0), 16);
        bits.bits(7, 4)
                .bits(header.rateCode(), 4)
                .bits(header.channelAssignment(), 4)
                .bits(header.sizeCode(), 3)
                .bits(0, 1);
        codedNumber(bits, header.number());
        bits.bits(header.blockSize() - 1, 16);
        bits.bits(header.rateExtra(), header.rateExtraBits());
        byte[] head = bits.toByteArray();
        FlacBits frame = new FlacBits().bytes(head).bits(FlacCrc.crc8(head, 0, head.length), 8);
        frame.bytes(subframes.alignWithZeros().toByteArray());
        byte[] body = frame.toByteArray();
        return new FlacBits()
                .bytes(body)
                .bits(FlacCrc.crc16(body, 0, body.length), 16)
                .toByteArray();
    }

    private static void codedNumber(FlacBits bits, long value) {
        if (value < 0x80) {
            bits.bits(value, 8);
            return;
        }
        int length = 2;
        while (value >= 1L << (5 * length + 1)) {
            length++;
        }
        bits.bits(((1 << length) - 1) << 1, length + 1).bits(value >>> (6 * (length - 1)), 7 - length);
        for (int i = length - 2; i >= 0; i--) {
            bits.bits(2, 2).bits(value >>> (6 * i), 6);
        }
    }
}
