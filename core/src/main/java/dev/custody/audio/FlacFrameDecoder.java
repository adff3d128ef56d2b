package dev.custody.audio;

import static dev.custody.audio.AudioDecoder.malformed;

import java.security.MessageDigest;

/**
 * Decodes FLAC frames one at a time: header, one subframe per channel, zero padding to a byte
 * boundary and the CRC-16 footer, then undoes stereo decorrelation. In left/side and mid/side
 * frames the second subframe (side) has one more bit per sample; in right/side frames the first.
 */
final class FlacFrameDecoder {
    private static final int MAX_BLOCK_SIZE = 65_536;

    private final byte[] data;
    private final FlacBitReader reader;
    private final FlacStreamInfo info;
    private final FlacSubframeDecoder subframes;
    private final int[][] channels;
    private final byte[] digestBuffer;

    FlacFrameDecoder(byte[] data, FlacBitReader reader, FlacStreamInfo info) {
        this.data = data;
        this.reader = reader;
        this.info = info;
        this.subframes = new FlacSubframeDecoder(reader);
        this.channels = new int[info.channels()][MAX_BLOCK_SIZE];
        this.digestBuffer = new byte[MAX_BLOCK_SIZE * info.channels() * (info.bitsPerSample() / 8)];
    }

    /** Decodes the frame at the reader's position into {@code out}; returns its block size. */
    int decode(long frameIndex, long sampleIndex, SampleBuffer out, MessageDigest md5) {
        int start = reader.bytePosition();
        FlacFrameHeader header = FlacFrameHeader.read(reader, data, info, frameIndex, sampleIndex);
        int blockSize = header.blockSize();
        out.reserve(blockSize * info.channels());
        for (int channel = 0; channel < info.channels(); channel++) {
            subframes.decode(info.bitsPerSample() + sideBit(header, channel), blockSize, channels[channel]);
        }
        reader.alignToByte();
        int end = reader.bytePosition();
        if (reader.readInt(16) != FlacCrc.crc16(data, start, end)) {
            throw malformed("frame CRC mismatch");
        }
        decorrelate(header.channelAssignment(), blockSize);
        emit(blockSize, out, md5);
        return blockSize;
    }

    private static int sideBit(FlacFrameHeader header, int channel) {
        return switch (header.channelAssignment()) {
            case FlacFrameHeader.LEFT_SIDE, FlacFrameHeader.MID_SIDE -> channel == 1 ? 1 : 0;
            case FlacFrameHeader.RIGHT_SIDE -> channel == 0 ? 1 : 0;
            default -> 0;
        };
    }

    private void decorrelate(int assignment, int blockSize) {
        if (assignment < FlacFrameHeader.LEFT_SIDE) {
            return;
        }
        int[] first = channels[0];
        int[] second = channels[1];
        for (int i = 0; i < blockSize; i++) {
            int a = first[i];
            int b = second[i];
            switch (assignment) {
                case FlacFrameHeader.LEFT_SIDE -> second[i] = a - b;
                case FlacFrameHeader.RIGHT_SIDE -> first[i] = a + b;
                default -> {
                    // Mid was stored halved; the side's low bit restores the bit lost.
                    int mid = (a << 1) | (b & 1);
                    first[i] = (mid + b) >> 1;
                    second[i] = (mid - b) >> 1;
                }
            }
        }
    }

    /** Appends the frame's samples, interleaved, to {@code out} and their bytes to {@code md5}. */
    private void emit(int blockSize, SampleBuffer out, MessageDigest md5) {
        int bits = info.bitsPerSample();
        int bytes = bits / 8;
        int min = -(1 << (bits - 1));
        int max = (1 << (bits - 1)) - 1;
        int position = 0;
        for (int i = 0; i < blockSize; i++) {
            for (int[] channel : channels) {
                int sample = channel[i];
                if (sample < min || sample > max) {
                    throw malformed("decoded sample out of range");
                }
                out.add(DecodedAudio.pcmToFloat(sample, bits));
                for (int k = 0; k < bytes; k++) {
                    digestBuffer[position++] = (byte) (sample >> (8 * k));
                }
            }
        }
        md5.update(digestBuffer, 0, position);
    }
}
