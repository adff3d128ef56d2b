package dev.custody.audio;

import static dev.custody.audio.AudioDecoder.malformed;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Decodes a FLAC stream: the {@code fLaC} marker, metadata blocks, then frames to the end of the
 * input.
 *
 * <p>Metadata blocks have a 4-byte header: a last-block flag (1 bit), the type (7 bits; 127 is
 * invalid) and the body length (24 bits). The first block must be STREAMINFO; a second STREAMINFO
 * is refused; other blocks are skipped after checking that they fit in the file. Every frame's
 * header CRC-8 and frame CRC-16 are verified; anything after the last frame that is not a valid
 * frame is refused. When STREAMINFO states them, the total sample count and the MD5 of the decoded
 * samples (little-endian, interleaved, 2 or 3 bytes per sample) must match.
 *
 * <p>Memory: samples are collected in a buffer that grows with what actually decodes, never with
 * what a header declares, and is capped at {@link AudioDecoder#MAX_DECODED_SAMPLES}.
 */
final class FlacDecoder {
    private static final int STREAMINFO = 0;
    private static final int INVALID_BLOCK_TYPE = 127;

    private final byte[] data;
    private final FlacBitReader reader;
    private FlacStreamInfo info;

    private FlacDecoder(byte[] data) {
        this.data = data;
        this.reader = new FlacBitReader(data, 4);
    }

    static DecodedAudio decode(byte[] data) {
        FlacDecoder decoder = new FlacDecoder(data);
        decoder.readMetadata();
        return decoder.readFrames();
    }

    private void readMetadata() {
        boolean last = false;
        while (!last) {
            last = reader.readInt(1) == 1;
            int type = reader.readInt(7);
            int length = reader.readInt(24);
            if (type == INVALID_BLOCK_TYPE) {
                throw malformed("invalid metadata block type");
            }
            if ((type == STREAMINFO) != (info == null)) {
                throw malformed("STREAMINFO must be the first metadata block, and only once");
            }
            if (type == STREAMINFO) {
                if (length != FlacStreamInfo.LENGTH) {
                    throw malformed("STREAMINFO has the wrong length");
                }
                info = FlacStreamInfo.read(reader);
            } else {
                reader.skipBytes(length);
            }
        }
    }

    private DecodedAudio readFrames() {
        MessageDigest md5 = md5();
        FlacFrameDecoder frames = new FlacFrameDecoder(data, reader, info);
        SampleBuffer samples = new SampleBuffer();
        long frameIndex = 0;
        long sampleIndex = 0;
        while (!reader.atEnd()) {
            int blockSize = frames.decode(frameIndex, sampleIndex, samples, md5);
            frameIndex++;
            sampleIndex += blockSize;
        }
        if (info.totalSamples() != 0 && info.totalSamples() != sampleIndex) {
            throw malformed("decoded sample count differs from STREAMINFO");
        }
        if (!isZero(info.md5().toArray())
                && !MessageDigest.isEqual(md5.digest(), info.md5().toArray())) {
            throw malformed("MD5 of the decoded audio differs from STREAMINFO");
        }
        AudioInfo audioInfo =
                new AudioInfo(AudioContainer.FLAC, info.encoding(), info.sampleRate(), info.channels(), sampleIndex);
        return DecodedAudio.of(audioInfo, samples.toArray());
    }

    private static boolean isZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides MD5", e);
        }
    }
}
