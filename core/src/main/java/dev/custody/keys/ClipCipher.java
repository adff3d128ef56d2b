package dev.custody.keys;

import static java.util.Objects.requireNonNull;

import com.google.crypto.tink.StreamingAead;
import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Encrypts and decrypts the clips of one contributor under their DEK, with Tink's AES-GCM-HKDF
 * streaming AEAD. The 40-byte header is split off the ciphertext and kept with the clip's metadata
 * (see {@link ClipEncryptingStream}); the blob holds the segments only. The associated data, {@code "custody/clip/v1|" + clipId + "|" + pseudonym} in
 * UTF-8, binds each ciphertext to its clip and its contributor.
 *
 * <h2>Ciphertext format (Tink's, for a segment size S)</h2>
 *
 * <pre>
 * header, 40 bytes (kept in the clip's metadata row, not in the blob):
 *   1  header length, 0x28
 *  32  random salt; the clip key is HKDF-SHA256(DEK, salt, info = associated data), 32 bytes
 *   7  random nonce prefix
 * segments, each AES-256-GCM under the clip key, each ending with its 16-byte tag:
 *   the first is S - 40 bytes long (S - 56 bytes of plaintext), every other one S bytes
 *   (S - 16 of plaintext) but the last, which may be shorter (0 plaintext bytes at least).
 *   Segment i's nonce is prefix (7) || i as 4 bytes big-endian || 0x01 if last else 0x00,
 *   so segments cannot be reordered, dropped, or the stream cut at a segment boundary.
 * </pre>
 *
 * <p>Decryption fails {@code INTEGRITY_FAILURE} for any change, truncation or extension of the
 * ciphertext, for another clip's or another contributor's ciphertext, and for plaintext larger
 * than the caller's limit; a failure to read the source fails {@code STORAGE_UNAVAILABLE}.
 * Thread-safe.
 */
public final class ClipCipher {
    private final StreamingAead aead;

    ClipCipher(StreamingAead aead) {
        this.aead = requireNonNull(aead, "aead is null");
    }

    /**
     * A stream that encrypts what is written to it into {@code ciphertextSink}, all but the header,
     * which the stream returns once closed. Closing it writes the last segment and closes the sink; a
     * ciphertext whose stream was not closed never decrypts.
     */
    public ClipEncryptingStream encrypt(OutputStream ciphertextSink, ClipId clip, Pseudonym contributor) {
        requireNonNull(ciphertextSink, "ciphertextSink is null");
        var splitter = new ClipEncryptingStream.HeaderSplitter(ciphertextSink);
        try {
            return new ClipEncryptingStream(
                    aead.newEncryptingStream(splitter, associatedData(clip, contributor)), splitter);
        } catch (IOException e) {
            throw new CustodyException(ErrorCode.STORAGE_UNAVAILABLE, "cannot write the encrypted clip", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot start encryption", e);
        }
    }

    /**
     * Reads and verifies the whole ciphertext, including its last segment, and returns the plaintext.
     * {@code header} is the one {@link ClipEncryptingStream#header()} gave; {@code ciphertext} the rest.
     */
    public byte[] decryptAll(
            Bytes header, InputStream ciphertext, ClipId clip, Pseudonym contributor, long maxPlaintextBytes) {
        requireNonNull(header, "header is null");
        requireNonNull(ciphertext, "ciphertext is null");
        if (maxPlaintextBytes < 0 || maxPlaintextBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxPlaintextBytes out of range");
        }
        var source = new SourceStream(ciphertext);
        var whole = new SequenceInputStream(new ByteArrayInputStream(header.toArray()), source);
        try (InputStream plaintext = aead.newDecryptingStream(whole, associatedData(clip, contributor))) {
            var out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            for (int n = plaintext.read(buffer); n != -1; n = plaintext.read(buffer)) {
                if (out.size() + (long) n > maxPlaintextBytes) {
                    throw CustodyException.integrityFailure();
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            if (source.failed) {
                throw new CustodyException(ErrorCode.STORAGE_UNAVAILABLE, "cannot read the encrypted clip", e);
            }
            throw CustodyException.integrityFailure(e);
        } catch (GeneralSecurityException e) {
            throw CustodyException.integrityFailure(e);
        }
    }

    private static byte[] associatedData(ClipId clip, Pseudonym contributor) {
        requireNonNull(clip, "clip is null");
        requireNonNull(contributor, "contributor is null");
        return ("custody/clip/v1|" + clip.value() + "|" + contributor.value()).getBytes(StandardCharsets.UTF_8);
    }

    /** Tink reports tampering and a failing source alike as IOException; this tells them apart. */
    private static final class SourceStream extends FilterInputStream {
        private volatile boolean failed;

        SourceStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }
    }
}
