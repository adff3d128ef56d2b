package dev.custody.audio;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;

/**
 * Decodes an uploaded WAV or FLAC file into normalized samples, with a strict hand-written parser
 * that never trusts a declared length.
 *
 * <p>The container is chosen by its magic bytes: {@code RIFF....WAVE} for WAV, {@code fLaC} for
 * FLAC. Accepted are 16- and 24-bit integer PCM and (WAV only) 32-bit IEEE float, in one or two
 * channels. What is accepted and refused in each container is documented on the package-private
 * parsers ({@code WavParser}, {@code FlacDecoder}).
 *
 * <p>Guarantees: every read is bounded by the input, so a hostile file yields a {@link
 * CustodyException}, never another exception; no array larger than {@link #MAX_DECODED_SAMPLES}
 * samples is ever allocated, whatever the headers declare.
 */
public final class AudioDecoder {
    /**
     * The most samples (counting every channel) a file may decode to: 10 minutes of 48 kHz stereo.
     * FLAC can describe a minute of sound in a few bytes, so this cap, not the upload size, bounds
     * memory.
     */
    public static final long MAX_DECODED_SAMPLES = 10L * 60 * 48_000 * 2;

    private static final int MAGIC_LENGTH = 4;

    private AudioDecoder() {}

    /**
     * Decodes {@code file}, which is not modified or retained.
     *
     * @throws CustodyException {@link ErrorCode#AUDIO_MALFORMED} for a file that is truncated,
     *     inconsistent or fails a checksum (also for a file too short to hold a header); {@link
     *     ErrorCode#AUDIO_UNSUPPORTED_FORMAT} for anything that is not WAV or FLAC, or an encoding or
     *     channel count not accepted; {@link ErrorCode#AUDIO_TOO_LONG} for a file that decodes to
     *     more than {@link #MAX_DECODED_SAMPLES} samples
     */
    public static DecodedAudio decode(byte[] file) {
        requireNonNull(file, "file is null");
        if (file.length < MAGIC_LENGTH) {
            throw malformed("file too short to hold an audio header");
        }
        if (hasMagic(file, "RIFF")) {
            return WavParser.parse(file);
        }
        if (hasMagic(file, "fLaC")) {
            return FlacDecoder.decode(file);
        }
        throw notAudio();
    }

    private static boolean hasMagic(byte[] file, String magic) {
        for (int i = 0; i < MAGIC_LENGTH; i++) {
            if (file[i] != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static CustodyException notAudio() {
        return new CustodyException(ErrorCode.AUDIO_UNSUPPORTED_FORMAT, "not a WAV or FLAC file");
    }

    static CustodyException malformed(String detail) {
        return new CustodyException(ErrorCode.AUDIO_MALFORMED, "malformed audio file: " + detail);
    }

    static CustodyException unsupported(String detail) {
        return new CustodyException(ErrorCode.AUDIO_UNSUPPORTED_FORMAT, "unsupported audio: " + detail);
    }

    static void checkCap(long samples) {
        if (samples > MAX_DECODED_SAMPLES) {
            throw new CustodyException(
                    ErrorCode.AUDIO_TOO_LONG,
                    "audio decodes to more than " + MAX_DECODED_SAMPLES + " samples (10 minutes of 48 kHz stereo)");
        }
    }
}
