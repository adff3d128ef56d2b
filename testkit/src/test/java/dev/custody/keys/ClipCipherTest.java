package dev.custody.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.testkit.TestArgon2;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipCipherTest {
    /** Small segments, so that several segments and their boundaries are cheap to reach. */
    private static final int SEGMENT = 1024;

    private static final int HEADER = 40;
    private static final int TAG = 16;
    private static final int FIRST_SEGMENT_PLAINTEXT = SEGMENT - HEADER - TAG;
    private static final int SEGMENT_PLAINTEXT = SEGMENT - TAG;
    private static final long MAX = 1024 * 1024;

    @TempDir
    Path folder;

    private LocalKeyring keyring;
    private ContributorKeys keys;
    private final Pseudonym ada = Pseudonym.random();
    private final ClipId clip = ClipId.random();
    private ClipCipher cipher;

    @BeforeEach
    void createKeys() {
        keyring = LocalKeyring.create(
                folder.resolve("custody.keyring"), LocalKeyringTest.passphrase(), TestArgon2.parameters());
        keys = ContributorKeys.withSegmentSize(keyring, SEGMENT);
        cipher = keys.clipCipher(keys.newVoiceKey(ada), ada);
    }

    @AfterEach
    void closeKeyring() {
        keyring.close();
    }

    @Test
    void decryptAll_returnsWhatWasEncrypted_forEverySizeAroundSegmentBoundaries() {
        int[] sizes = {
            0,
            1,
            FIRST_SEGMENT_PLAINTEXT - 1,
            FIRST_SEGMENT_PLAINTEXT,
            FIRST_SEGMENT_PLAINTEXT + 1,
            FIRST_SEGMENT_PLAINTEXT + SEGMENT_PLAINTEXT,
            5 * SEGMENT + 17
        };
        Random random = new Random(1);
        for (int size : sizes) {
            byte[] plaintext = randomBytes(random, size);
            byte[] ciphertext = encrypt(cipher, clip, ada, plaintext);
            assertThat(decrypt(cipher, ciphertext, clip, ada, MAX))
                    .as("size %d", size)
                    .isEqualTo(plaintext);
        }
    }

    @Test
    void encrypt_exactlyOneSegment_fillsOneSegmentOfCiphertext() {
        byte[] ciphertext = encrypt(cipher, clip, ada, new byte[FIRST_SEGMENT_PLAINTEXT]);

        assertThat(ciphertext).hasSize(SEGMENT);
    }

    @Test
    void encrypt_withTheDefaultSegmentSize_roundTripsSeveralSegments() {
        ContributorKeys defaults = new ContributorKeys(keyring);
        ClipCipher big = defaults.clipCipher(defaults.newVoiceKey(ada), ada);
        byte[] plaintext = randomBytes(new Random(2), 2 * ContributorKeys.CLIP_SEGMENT_SIZE + 3);

        byte[] ciphertext = encrypt(big, clip, ada, plaintext);

        assertThat(ciphertext).hasSize(plaintext.length + HEADER + 3 * TAG);
        assertThat(decrypt(big, ciphertext, clip, ada, MAX)).isEqualTo(plaintext);
    }

    @Test
    void decryptAll_ofAnotherClipsCiphertext_failsWithIntegrityFailure() {
        ClipId other = ClipId.random();
        byte[] first = encrypt(cipher, clip, ada, new byte[100]);
        byte[] second = encrypt(cipher, other, ada, new byte[100]);

        assertIntegrityFailure(() -> decrypt(cipher, second, clip, ada, MAX));
        assertIntegrityFailure(() -> decrypt(cipher, first, other, ada, MAX));
    }

    @Test
    void decryptAll_asAnotherContributor_failsWithIntegrityFailure() {
        byte[] ciphertext = encrypt(cipher, clip, ada, new byte[100]);

        assertIntegrityFailure(() -> decrypt(cipher, ciphertext, clip, Pseudonym.random(), MAX));
    }

    @Test
    void decryptAll_withAnotherContributorsKey_failsWithIntegrityFailure() {
        Pseudonym grace = Pseudonym.random();
        ClipCipher graces = keys.clipCipher(keys.newVoiceKey(grace), grace);
        byte[] ciphertext = encrypt(cipher, clip, ada, new byte[100]);

        assertIntegrityFailure(() -> decrypt(graces, ciphertext, clip, ada, MAX));
    }

    @Test
    void clipCipher_forAKeyWrappedForAnotherContributor_failsWithIntegrityFailure() {
        WrappedKey adas = keys.newVoiceKey(ada);

        assertIntegrityFailure(() -> keys.clipCipher(adas, Pseudonym.random()));
    }

    @Test
    void decryptAll_afterABitFlipAnywhere_failsWithIntegrityFailure() {
        byte[] ciphertext = encrypt(cipher, clip, ada, randomBytes(new Random(3), 3 * SEGMENT));
        Random random = new Random(4);
        for (int i = 0; i < 300; i++) {
            // The first 64 flips walk the header and first bytes, the next 64 the last segment.
            int bit = i < 64
                    ? i * 5
                    : i < 128 ? ciphertext.length * 8 - 1 - (i - 64) * 7 : random.nextInt(ciphertext.length * 8);
            byte[] flipped = ciphertext.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertIntegrityFailure(() -> decrypt(cipher, flipped, clip, ada, MAX));
        }
    }

    @Test
    void decryptAll_ofATruncatedCiphertext_failsAtAndInsideSegmentBoundaries() {
        byte[] ciphertext = encrypt(cipher, clip, ada, randomBytes(new Random(5), 3 * SEGMENT));
        int[] lengths = {
            0,
            1,
            HEADER - 1,
            HEADER,
            HEADER + 1,
            SEGMENT - 1,
            SEGMENT,
            SEGMENT + 1,
            2 * SEGMENT,
            3 * SEGMENT,
            ciphertext.length - TAG,
            ciphertext.length - 1
        };
        for (int length : lengths) {
            byte[] truncated = Arrays.copyOf(ciphertext, length);
            assertIntegrityFailure(() -> decrypt(cipher, truncated, clip, ada, MAX));
        }
    }

    @Test
    void decryptAll_withBytesAppended_failsWithIntegrityFailure() {
        byte[] ciphertext = encrypt(cipher, clip, ada, new byte[100]);
        byte[] extended = Arrays.copyOf(ciphertext, ciphertext.length + 1);

        assertIntegrityFailure(() -> decrypt(cipher, extended, clip, ada, MAX));
    }

    @Test
    void decryptAll_ofMoreThanTheMaximum_failsWithIntegrityFailure() {
        byte[] ciphertext = encrypt(cipher, clip, ada, new byte[2 * SEGMENT]);

        assertIntegrityFailure(() -> decrypt(cipher, ciphertext, clip, ada, 2 * SEGMENT - 1));
        assertThat(decrypt(cipher, ciphertext, clip, ada, 2 * SEGMENT)).hasSize(2 * SEGMENT);
    }

    @Test
    void decryptAll_whenTheSourceFails_failsWithStorageUnavailable() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };

        assertThatThrownBy(() -> cipher.decryptAll(
                        Bytes.copyOf(Arrays.copyOf(encrypt(cipher, clip, ada, new byte[10]), 40)),
                        failing,
                        clip,
                        ada,
                        MAX))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE));
    }

    @Test
    void newVoiceKey_isWrappedUnderTheActiveVoiceKek() {
        WrappedKey key = keys.newVoiceKey(ada);

        assertThat(key.kek()).isEqualTo(keyring.activeKek(KeyPurpose.VOICE));
        assertThat(keys.newVoiceKey(ada).ciphertext()).isNotEqualTo(key.ciphertext());
    }

    @Test
    void encrypt_keepsTheHeaderOutOfTheSink_andWithoutItNothingDecrypts() throws IOException {
        byte[] plaintext = randomBytes(new Random(5), 3 * SEGMENT);
        var sink = new ByteArrayOutputStream();
        ClipEncryptingStream out = cipher.encrypt(sink, clip, ada);
        out.write(plaintext);
        out.close();
        Bytes header = out.header();
        byte[] body = sink.toByteArray();

        assertThat(header.length()).isEqualTo(40);
        assertThat(header.toArray()[0]).isEqualTo((byte) 40);
        assertThat(cipher.decryptAll(header, new ByteArrayInputStream(body), clip, ada, MAX))
                .isEqualTo(plaintext);
        // Another clip's header (another salt) cannot stand in for the erased one.
        Bytes otherHeader = Bytes.copyOf(Arrays.copyOf(encrypt(cipher, clip, ada, plaintext), 40));
        assertIntegrityFailure(() -> cipher.decryptAll(otherHeader, new ByteArrayInputStream(body), clip, ada, MAX));
    }

    /** The header and the body together, as one array, so tests can flip and cut bytes anywhere. */
    static byte[] encrypt(ClipCipher cipher, ClipId clip, Pseudonym contributor, byte[] plaintext) {
        var sink = new ByteArrayOutputStream();
        ClipEncryptingStream out = cipher.encrypt(sink, clip, contributor);
        try (out) {
            out.write(plaintext);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        var whole = new ByteArrayOutputStream();
        whole.writeBytes(out.header().toArray());
        whole.writeBytes(sink.toByteArray());
        return whole.toByteArray();
    }

    /** Decrypts what {@link #encrypt} returned, split back into header and body. */
    static byte[] decrypt(ClipCipher cipher, byte[] whole, ClipId clip, Pseudonym contributor, long max) {
        int split = Math.min(40, whole.length);
        return cipher.decryptAll(
                Bytes.copyOf(Arrays.copyOf(whole, split)),
                new ByteArrayInputStream(whole, split, whole.length - split),
                clip,
                contributor,
                max);
    }

    private static byte[] randomBytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private static void assertIntegrityFailure(ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_FAILURE))
                .hasMessage("integrity check failed");
    }
}
