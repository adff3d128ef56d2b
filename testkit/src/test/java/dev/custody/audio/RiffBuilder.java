package dev.custody.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds WAV files chunk by chunk, including the inconsistent ones the encoder cannot write. */
final class RiffBuilder {
    private RiffBuilder() {}

    /** A RIFF/WAVE file holding {@code chunks}, with a correct RIFF size. */
    static byte[] riff(byte[]... chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[4]);
        out.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
        for (byte[] chunk : chunks) {
            out.writeBytes(chunk);
        }
        byte[] file = out.toByteArray();
        return withInt(file, 4, file.length - 8);
    }

    /** A chunk with its header and, for an odd size, the pad byte. */
    static byte[] chunk(String id, byte[] body) {
        ByteBuffer out =
                ByteBuffer.allocate(8 + body.length + (body.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        out.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(body.length).put(body);
        return out.array();
    }

    /** A consistent 16-byte fmt chunk. */
    static byte[] fmt(int tag, int channels, int sampleRate, int bits) {
        int blockAlign = channels * bits / 8;
        ByteBuffer body = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        body.putShort((short) tag).putShort((short) channels).putInt(sampleRate);
        body.putInt(sampleRate * blockAlign).putShort((short) blockAlign).putShort((short) bits);
        return chunk("fmt ", body.array());
    }

    /** A WAVE_FORMAT_EXTENSIBLE fmt chunk whose sub-format GUID starts with {@code subTag}. */
    static byte[] extensibleFmt(int subTag, int channels, int sampleRate, int bits, byte guidLastByte) {
        int blockAlign = channels * bits / 8;
        ByteBuffer body = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        body.putShort((short) 0xFFFE).putShort((short) channels).putInt(sampleRate);
        body.putInt(sampleRate * blockAlign).putShort((short) blockAlign).putShort((short) bits);
        body.putShort((short) 22).putShort((short) bits).putInt(channels == 1 ? 4 : 3);
        body.putShort((short) subTag);
        body.put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, guidLastByte});
        return chunk("fmt ", body.array());
    }

    static byte[] data(int size) {
        return chunk("data", new byte[size]);
    }

    /** A copy of {@code file} with a little-endian 32-bit {@code value} at {@code offset}. */
    static byte[] withInt(byte[] file, int offset, int value) {
        byte[] copy = file.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        return copy;
    }
}
