package dev.custody.audio;

import static dev.custody.audio.AudioDecoder.malformed;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Parses a RIFF/WAVE file: a 12-byte header ({@code RIFF}, size (4 bytes, little-endian),
 * {@code WAVE}) followed by chunks of an id (4 bytes), a size (4) and a body padded to an even
 * length.
 *
 * <p>Strictness, and why:
 *
 * <ul>
 *   <li>The RIFF size must equal the file length minus 8. A larger size means a truncated file; a
 *       smaller one means bytes outside the RIFF chunk that would be stored unexamined (a place to
 *       smuggle data). Both are refused. Streaming writers that leave the size at 0 or 0xFFFFFFFF
 *       are refused too.
 *   <li>A chunk that claims more bytes than remain is refused. The pad byte after an odd-sized
 *       chunk is required, except after the last chunk, where some writers omit it.
 *   <li>{@code fmt } must come before {@code data}; each must appear exactly once; other chunks
 *       ({@code LIST}, {@code fact}, ...) are skipped.
 *   <li>The data size must be a whole number of blocks; float samples must be finite. Floats beyond
 *       full scale are clamped to [-1, 1], so the quality gate counts them as clipped.
 * </ul>
 */
final class WavParser {
    private static final int RIFF_HEADER = 12;
    private static final int CHUNK_HEADER = 8;

    private static final VarHandle SHORT_LE =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT_LE =
            MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] bytes;
    private final ByteBuffer file;
    private WavFormat format;
    private int dataOffset = -1;
    private int dataSize;

    private WavParser(byte[] file) {
        this.bytes = file;
        this.file = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    }

    static DecodedAudio parse(byte[] file) {
        WavParser parser = new WavParser(file);
        parser.readChunks();
        return parser.decodeSamples();
    }

    private void readChunks() {
        int length = file.capacity();
        if (length < RIFF_HEADER) {
            throw malformed("truncated RIFF header");
        }
        if (!isId(8, "WAVE")) {
            throw AudioDecoder.notAudio();
        }
        long declared = Integer.toUnsignedLong(file.getInt(4)) + CHUNK_HEADER;
        if (declared != length) {
            throw malformed(
                    declared > length
                            ? "RIFF size exceeds the file (truncated?)"
                            : "bytes after the end of the RIFF chunk");
        }
        int position = RIFF_HEADER;
        while (position < length) {
            position = readChunk(position, length);
        }
        if (format == null) {
            throw malformed("no fmt chunk");
        }
        if (dataOffset < 0) {
            throw malformed("no data chunk");
        }
    }

    /** Reads the chunk at {@code position} and returns where the next one starts. */
    private int readChunk(int position, int length) {
        if (length - position < CHUNK_HEADER) {
            throw malformed("truncated chunk header");
        }
        long size = Integer.toUnsignedLong(file.getInt(position + 4));
        int body = position + CHUNK_HEADER;
        if (size > length - body) {
            throw malformed("chunk size exceeds the file");
        }
        if (isId(position, "fmt ")) {
            if (format != null) {
                throw malformed("more than one fmt chunk");
            }
            format = WavFormat.parse(file.slice(body, (int) size));
        } else if (isId(position, "data")) {
            if (format == null) {
                throw malformed("data chunk before fmt chunk");
            }
            if (dataOffset >= 0) {
                throw malformed("more than one data chunk");
            }
            dataOffset = body;
            dataSize = (int) size;
        }
        // The pad byte of an odd-sized last chunk may be missing; anywhere else it must be there.
        return (int) Math.min(body + size + (size & 1), length);
    }

    private boolean isId(int position, String id) {
        for (int i = 0; i < 4; i++) {
            if (file.get(position + i) != id.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private DecodedAudio decodeSamples() {
        if (dataSize % format.blockAlign() != 0) {
            throw malformed("data size is not a whole number of sample blocks");
        }
        int bytesPerSample = format.bytesPerSample();
        int count = dataSize / bytesPerSample;
        AudioDecoder.checkCap(count);
        float[] samples = new float[count];
        // One loop per encoding over the array itself, so the loop body is branch-free and its
        // bounds checks are hoisted: decoding is a quarter of ingest's CPU.
        int at = dataOffset;
        switch (format.encoding()) {
            case PCM_16 -> {
                for (int i = 0; i < count; i++, at += bytesPerSample) {
                    samples[i] = DecodedAudio.pcmToFloat((short) SHORT_LE.get(bytes, at), 16);
                }
            }
            case PCM_24 -> {
                for (int i = 0; i < count; i++, at += bytesPerSample) {
                    // The top byte is read signed, so the sign extends.
                    int value = (bytes[at + 2] << 16) | ((bytes[at + 1] & 0xFF) << 8) | (bytes[at] & 0xFF);
                    samples[i] = DecodedAudio.pcmToFloat(value, 24);
                }
            }
            case FLOAT_32 -> {
                for (int i = 0; i < count; i++, at += bytesPerSample) {
                    samples[i] = finite((float) FLOAT_LE.get(bytes, at));
                }
            }
        }
        long frames = count / format.channels();
        AudioInfo info =
                new AudioInfo(AudioContainer.WAV, format.encoding(), format.sampleRate(), format.channels(), frames);
        return DecodedAudio.of(info, samples);
    }

    private static float finite(float value) {
        if (!Float.isFinite(value)) {
            throw malformed("float sample is NaN or infinite");
        }
        return Math.clamp(value, -1.0f, 1.0f);
    }
}
