package dev.custody.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
                folder.resolve("custody.keyring"), LocalKeyringTest.passphrase(), Argon2Parameters.forTests());
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
            assertThat(cipher.decryptAll(new ByteArrayInputStream(ciphertext), clip, ada, MAX))
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
        assertThat(big.decryptAll(new ByteArrayInputStream(ciphertext), clip, ada, MAX))
                .isEqualTo(plaintext);
    }

    @Test
    void decryptAll_ofAnotherClipsCiphertext_failsWithIntegrityFailure() {
        ClipId other = ClipId.random();
        byte[] first = encrypt(cipher, clip, ada, new byte[100]);
        byte[] second = encrypt(cipher, other, ada, new byte[100]);

        assertIntegrityFailure(() -> cipher.decryptAll(new ByteArrayInputStream(second), clip, ada, MAX));
        assertIntegrityFailure(() -> cipher.decryptAll(new ByteArrayInputStream(first), other, ada, MAX));
    }

    @Test
    void decryptAll_asAnotherContributor_failsWithIntegrityFailure() {
        byte[] ciphertext = encrypt(cipher, clip, ada, new byte[100]);

        assertIntegrityFailure(
                () -> cipher.decryptAll(new ByteArrayInputStream(ciphertext), clip, Pseudonym.random(), MAX));
    }

    @Test
    void decryptAll_withAnotherContributorsKey_failsWithIntegrityFailure() {
        Pseudonym grace = Pseudonym.random();
        ClipCipher graces = keys.clipCipher(keys.newVoiceKey(grace), grace);
        byte[] ciphertext = encrypt(cipher, clip, ada, new byte[100]);

        assertIntegrityFailure(() -> graces.decryptAll(new ByteArrayInputStream(ciphertext), clip, ada, MAX));
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
            assertIntegrityFailure(() -> cipher.decryptAll(new ByteArrayInputStream(flipped), clip, ada, MAX));
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
            assertIntegrityFailure(() -> cipher.decryptAll(new ByteArrayInputStream(truncated), clip, ada, MAX));
        }
    }

    @Test
    void decryptAll_withBytesAppended_failsWithIntegrityFailure() {
        byte[] ciphertext = encrypt(cipher, clip, ada, new byte[100]);
        byte[] extended = Arrays.copyOf(ciphertext, ciphertext.length + 1);

        assertIntegrityFailure(() -> cipher.decryptAll(new ByteArrayInputStream(extended), clip, ada, MAX));
    }

    @Test
    void decryptAll_ofMoreThanTheMaximum_failsWithIntegrityFailure() {
        byte[] ciphertext = encrypt(cipher, clip, ada, new byte[2 * SEGMENT]);

        assertIntegrityFailure(
                () -> cipher.decryptAll(new ByteArrayInputStream(ciphertext), clip, ada, 2 * SEGMENT - 1));
        assertThat(cipher.decryptAll(new ByteArrayInputStream(ciphertext), clip, ada, 2 * SEGMENT))
                .hasSize(2 * SEGMENT);
    }

    @Test
    void decryptAll_whenTheSourceFails_failsWithStorageUnavailable() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };

        assertThatThrownBy(() -> cipher.decryptAll(failing, clip, ada, MAX))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE));
    }

    @Test
    void newVoiceKey_isWrappedUnderTheActiveVoiceKek() {
        WrappedKey key = keys.newVoiceKey(ada);

        assertThat(key.kek()).isEqualTo(keyring.activeKek(KeyPurpose.VOICE));
        assertThat(keys.newVoiceKey(ada).ciphertext()).isNotEqualTo(key.ciphertext());
    }

    static byte[] encrypt(ClipCipher cipher, ClipId clip, Pseudonym contributor, byte[] plaintext) {
        var sink = new ByteArrayOutputStream();
        try (OutputStream out = cipher.encrypt(sink, clip, contributor)) {
            out.write(plaintext);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return sink.toByteArray();
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
