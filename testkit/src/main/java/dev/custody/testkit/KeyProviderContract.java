package dev.custody.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.keys.KekId;
import dev.custody.keys.KeyProvider;
import dev.custody.keys.KeyPurpose;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link KeyProvider} must show. An adapter's test extends this class and
 * returns its provider, the same instance for the whole test method; the subclass closes it. The
 * rotation tests only assume versions relative to the active one, so a provider whose backing store
 * outlives a test (a token shared by the class) passes them too.
 */
public abstract class KeyProviderContract {
    private static final byte[] AAD = "custody/test|ctb_example".getBytes(UTF_8);

    /** The provider under test, with an active KEK for every {@link KeyPurpose}. */
    protected abstract KeyProvider provider();

    @Test
    public void wrap_thenUnwrap_returnsThePlaintext() {
        KekId kek = provider().activeKek(KeyPurpose.VOICE);
        byte[] plaintext = "a data-encryption key of 32 byte".getBytes(UTF_8);

        byte[] ciphertext = provider().wrap(kek, plaintext, AAD);

        assertThat(provider().unwrap(kek, ciphertext, AAD)).isEqualTo(plaintext);
    }

    @Test
    public void wrap_twice_givesDifferentCiphertexts() {
        KekId kek = provider().activeKek(KeyPurpose.VOICE);
        byte[] plaintext = new byte[32];

        assertThat(provider().wrap(kek, plaintext, AAD)).isNotEqualTo(provider().wrap(kek, plaintext, AAD));
    }

    @Test
    public void wrap_doesNotContainThePlaintext() {
        KekId kek = provider().activeKek(KeyPurpose.IDENTITY);
        byte[] plaintext = "Ada Lovelace <ada@example.org>".getBytes(UTF_8);

        String ciphertext = new String(provider().wrap(kek, plaintext, AAD), UTF_8);

        assertThat(ciphertext).doesNotContain("Lovelace");
    }

    @Test
    public void wrap_emptyAndOneKibPlaintexts_roundTrip() {
        KekId kek = provider().activeKek(KeyPurpose.IDENTITY);
        byte[] large = new byte[1024];
        new Random(7).nextBytes(large);

        for (byte[] plaintext : List.of(new byte[0], large)) {
            byte[] ciphertext = provider().wrap(kek, plaintext, AAD);
            assertThat(provider().unwrap(kek, ciphertext, AAD)).isEqualTo(plaintext);
        }
    }

    @Test
    public void unwrap_withOtherAssociatedData_failsWithIntegrityFailure() {
        KekId kek = provider().activeKek(KeyPurpose.VOICE);
        byte[] ciphertext = provider().wrap(kek, new byte[32], AAD);

        assertIntegrityFailure(() -> provider().unwrap(kek, ciphertext, "custody/test|ctb_other".getBytes(UTF_8)));
        assertIntegrityFailure(() -> provider().unwrap(kek, ciphertext, new byte[0]));
    }

    @Test
    public void unwrap_underTheOtherPurposesKek_failsWithIntegrityFailure() {
        KekId voice = provider().activeKek(KeyPurpose.VOICE);
        KekId identity = provider().activeKek(KeyPurpose.IDENTITY);
        byte[] voiceCiphertext = provider().wrap(voice, new byte[32], AAD);
        byte[] identityCiphertext = provider().wrap(identity, new byte[32], AAD);

        assertIntegrityFailure(() -> provider().unwrap(identity, voiceCiphertext, AAD));
        assertIntegrityFailure(() -> provider().unwrap(voice, identityCiphertext, AAD));
    }

    @Test
    public void unwrap_underAKekTheProviderDoesNotHold_failsWithIntegrityFailure() {
        KekId kek = provider().activeKek(KeyPurpose.VOICE);
        byte[] ciphertext = provider().wrap(kek, new byte[32], AAD);
        KekId unknown = new KekId(kek.uri(), kek.version() + 1000);

        assertIntegrityFailure(() -> provider().unwrap(unknown, ciphertext, AAD));
    }

    @Test
    public void unwrap_afterAnySingleBitFlip_failsWithIntegrityFailure() {
        KekId kek = provider().activeKek(KeyPurpose.VOICE);
        byte[] ciphertext = provider().wrap(kek, "sixteen bytes ok".getBytes(UTF_8), AAD);

        for (int bit = 0; bit < ciphertext.length * 8; bit++) {
            byte[] flipped = ciphertext.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertIntegrityFailure(() -> provider().unwrap(kek, flipped, AAD));
        }
    }

    @Test
    public void unwrap_truncatedOrEmptyCiphertext_failsWithIntegrityFailure() {
        KekId kek = provider().activeKek(KeyPurpose.VOICE);
        byte[] ciphertext = provider().wrap(kek, new byte[32], AAD);

        for (int length = 0; length < ciphertext.length; length++) {
            byte[] truncated = java.util.Arrays.copyOf(ciphertext, length);
            assertIntegrityFailure(() -> provider().unwrap(kek, truncated, AAD));
        }
    }

    @Test
    public void wrapAndUnwrap_from32VirtualThreads_allRoundTrip() throws Exception {
        KekId kek = provider().activeKek(KeyPurpose.VOICE);
        List<Future<Boolean>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 32; i++) {
                int seed = i;
                results.add(threads.submit(() -> roundTrips(kek, seed)));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        }
    }

    @Test
    public void activeKek_isStableAndDistinctPerPurpose() {
        KekId voice = provider().activeKek(KeyPurpose.VOICE);
        KekId identity = provider().activeKek(KeyPurpose.IDENTITY);

        assertThat(voice).isEqualTo(provider().activeKek(KeyPurpose.VOICE));
        assertThat(voice.uri()).isNotEqualTo(identity.uri());
        assertThat(voice.version()).isPositive();
        assertThat(identity.version()).isPositive();
        assertThat(KekId.parse(voice.toString())).isEqualTo(voice);
        assertThat(KekId.parse(identity.toString())).isEqualTo(identity);
    }

    @Test
    public void rotate_makesTheNextVersionActive_andEarlierCiphertextsStillUnwrap() {
        KekId before = provider().activeKek(KeyPurpose.VOICE);
        byte[] plaintext = "wrapped before the rotation.....".getBytes(UTF_8);
        byte[] old = provider().wrap(before, plaintext, AAD);

        KekId after = provider().rotate(KeyPurpose.VOICE);

        assertThat(after.uri()).isEqualTo(before.uri());
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(provider().activeKek(KeyPurpose.VOICE)).isEqualTo(after);
        assertThat(provider().unwrap(before, old, AAD)).isEqualTo(plaintext);
        assertThat(provider().unwrap(after, provider().wrap(after, plaintext, AAD), AAD))
                .isEqualTo(plaintext);
        assertIntegrityFailure(() -> provider().unwrap(after, old, AAD));
    }

    @Test
    public void rotate_retiresThePreviousVersionForWrapping_andLeavesTheOtherPurposeAlone() {
        KekId before = provider().activeKek(KeyPurpose.IDENTITY);
        KekId voice = provider().activeKek(KeyPurpose.VOICE);

        provider().rotate(KeyPurpose.IDENTITY);

        assertFailsWith(ErrorCode.NOT_FOUND, () -> provider().wrap(before, new byte[32], AAD));
        assertThat(provider().activeKek(KeyPurpose.VOICE)).isEqualTo(voice);
    }

    @Test
    public void destroy_makesEveryCiphertextUnderThatVersionFail_andKeepsTheOthers() {
        KekId old = provider().activeKek(KeyPurpose.VOICE);
        byte[] underOld = provider().wrap(old, new byte[32], AAD);
        KekId current = provider().rotate(KeyPurpose.VOICE);
        byte[] underCurrent = provider().wrap(current, new byte[32], AAD);

        provider().destroy(old);

        assertIntegrityFailure(() -> provider().unwrap(old, underOld, AAD));
        assertThat(provider().unwrap(current, underCurrent, AAD)).isEqualTo(new byte[32]);
        assertThat(provider().versions(KeyPurpose.VOICE)).doesNotContain(old).endsWith(current);
    }

    @Test
    public void destroy_theActiveVersion_isRefusedWithConflictAndChangesNothing() {
        KekId active = provider().activeKek(KeyPurpose.IDENTITY);
        byte[] ciphertext = provider().wrap(active, new byte[32], AAD);

        assertFailsWith(ErrorCode.CONFLICT, () -> provider().destroy(active));

        assertThat(provider().activeKek(KeyPurpose.IDENTITY)).isEqualTo(active);
        assertThat(provider().unwrap(active, ciphertext, AAD)).isEqualTo(new byte[32]);
    }

    @Test
    public void destroy_aDestroyedVersionIsConflict_andOneNeverHeldIsNotFound() {
        KekId old = provider().activeKek(KeyPurpose.VOICE);
        KekId current = provider().rotate(KeyPurpose.VOICE);
        provider().destroy(old);

        assertFailsWith(ErrorCode.CONFLICT, () -> provider().destroy(old));
        assertFailsWith(
                ErrorCode.NOT_FOUND, () -> provider().destroy(new KekId(current.uri(), current.version() + 1000)));
    }

    @Test
    public void versions_listsLiveVersionsOldestFirst_endingWithTheActiveOne() {
        KekId first = provider().activeKek(KeyPurpose.IDENTITY);
        KekId second = provider().rotate(KeyPurpose.IDENTITY);
        KekId third = provider().rotate(KeyPurpose.IDENTITY);

        assertThat(provider().versions(KeyPurpose.IDENTITY)).endsWith(first, second, third);
        provider().destroy(second);

        List<KekId> versions = provider().versions(KeyPurpose.IDENTITY);
        assertThat(versions).endsWith(first, third).doesNotContain(second);
        assertThat(versions).isSortedAccordingTo(java.util.Comparator.comparingInt(KekId::version));
        assertThat(versions.getLast()).isEqualTo(provider().activeKek(KeyPurpose.IDENTITY));
    }

    private boolean roundTrips(KekId kek, int seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 50; i++) {
            byte[] plaintext = new byte[random.nextInt(64)];
            random.nextBytes(plaintext);
            byte[] aad = ("thread " + seed + " item " + i).getBytes(UTF_8);
            byte[] back = provider().unwrap(kek, provider().wrap(kek, plaintext, aad), aad);
            if (!java.util.Arrays.equals(back, plaintext)) {
                return false;
            }
        }
        return true;
    }

    private static void assertFailsWith(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private static void assertIntegrityFailure(ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_FAILURE))
                .hasMessage("integrity check failed");
    }
}
