package dev.custody.keys;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.keys.Pkcs11TestTokens.Name;
import dev.custody.keys.Pkcs11TestTokens.Token;
import dev.custody.testkit.KeyProviderContract;
import java.io.IOException;
import java.security.Key;
import java.security.KeyStore;
import java.security.Security;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract and the token-specific behaviour, on a SoftHSM2 token initialized for this run. */
class Pkcs11KeyProviderIT extends KeyProviderContract {
    private static final byte[] AAD = "custody/test".getBytes(UTF_8);

    private final Token token = Pkcs11TestTokens.token(Name.CONTRACT);
    private final Token naming = Pkcs11TestTokens.token(Name.NAMING);
    private Pkcs11KeyProvider provider;

    @BeforeEach
    void openProvider() {
        provider = Pkcs11KeyProvider.open(Pkcs11TestTokens.config(token));
    }

    @AfterEach
    void closeProvider() {
        provider.close();
    }

    @Override
    protected KeyProvider provider() {
        return provider;
    }

    @Test
    void open_namesKeksAfterTheLabelPrefixVersionOne() {
        // The contract token is rotated by the contract's tests: a token no test rotates.
        try (Pkcs11KeyProvider fresh = Pkcs11KeyProvider.open(Pkcs11TestTokens.config(naming))) {
            assertThat(fresh.activeKek(KeyPurpose.VOICE)).hasToString("pkcs11://custody-voice;v=1");
            assertThat(fresh.activeKek(KeyPurpose.IDENTITY)).hasToString("pkcs11://custody-identity;v=1");
        }
    }

    @Test
    void keks_seenFromOutsideTheJvm_areSensitiveNeverExtractableTokenObjectsForEncryptionOnly() {
        Pkcs11KeyProvider.open(Pkcs11TestTokens.config(naming)).close();
        // pkcs11-tool is another process: it sees token objects only, never this JVM's session objects.
        Map<String, String> objects = secretKeys(naming);

        assertThat(objects).containsOnlyKeys("custody-voice-v1", "custody-identity-v1");
        for (String object : objects.values()) {
            assertThat(object).contains("AES length 32");
            List<String> access = field(object, "Access");
            assertThat(access).contains("sensitive", "always sensitive", "never extractable", "local");
            assertThat(access).doesNotContain("extractable");
            assertThat(field(object, "Usage")).containsExactlyInAnyOrder("encrypt", "decrypt");
        }
    }

    @Test
    void kek_loadedThroughSunPkcs11_hasNoEncodedForm() throws Exception {
        Pkcs11KeyProvider.open(Pkcs11TestTokens.config(naming)).close();
        var sunPkcs11 = Security.getProvider("SunPKCS11")
                .configure("--name = probe\nlibrary = " + Pkcs11TestTokens.library() + "\nslot = " + naming.slot());
        KeyStore keyStore = KeyStore.getInstance("PKCS11", sunPkcs11);
        keyStore.load(null, Pkcs11TestTokens.PIN.toCharArray());

        Key kek = keyStore.getKey("custody-voice-v1", null);

        assertThat(kek).isNotNull();
        assertThat(kek.getEncoded()).isNull();
    }

    @Test
    void wrap_writesVersionByteIvCiphertextAndTag() {
        byte[] plaintext = new byte[32];

        byte[] ciphertext = provider.wrap(provider.activeKek(KeyPurpose.VOICE), plaintext, AAD);

        assertThat(ciphertext).hasSize(1 + 12 + 32 + 16);
        assertThat(ciphertext[0]).isEqualTo((byte) 0x01);
    }

    @Test
    void wrap_underAKekThatIsNotActive_failsWithNotFound() {
        KekId next = new KekId(provider.activeKek(KeyPurpose.VOICE).uri(), 2);

        assertThatThrownBy(() -> provider.wrap(next, new byte[32], AAD))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void reopen_unwrapsWhatWasWrappedBeforeAndCreatesNoNewKeys() {
        Token persistence = Pkcs11TestTokens.token(Name.PERSISTENCE);
        byte[] plaintext = "a voice data-encryption key 32 b".getBytes(UTF_8);
        KekId kek;
        byte[] ciphertext;
        try (Pkcs11KeyProvider first = Pkcs11KeyProvider.open(Pkcs11TestTokens.config(persistence))) {
            kek = first.activeKek(KeyPurpose.VOICE);
            ciphertext = first.wrap(kek, plaintext, AAD);
        }

        try (Pkcs11KeyProvider reopened = Pkcs11KeyProvider.open(Pkcs11TestTokens.config(persistence))) {
            assertThat(reopened.activeKek(KeyPurpose.VOICE)).isEqualTo(kek);
            assertThat(reopened.unwrap(kek, ciphertext, AAD)).isEqualTo(plaintext);
        }
        assertThat(secretKeys(persistence)).containsOnlyKeys("custody-voice-v1", "custody-identity-v1");
    }

    @Test
    void open_withALaterVersionInTheToken_makesItActiveAndStillUnwrapsTheEarlierOne() {
        Token rotation = Pkcs11TestTokens.token(Name.ROTATION);
        byte[] plaintext = "wrapped under version one".getBytes(UTF_8);
        KekId v1;
        byte[] before;
        try (Pkcs11KeyProvider first = Pkcs11KeyProvider.open(Pkcs11TestTokens.config(rotation))) {
            v1 = first.activeKek(KeyPurpose.VOICE);
            before = first.wrap(v1, plaintext, AAD);
        }
        Pkcs11Session.login(
                        Pkcs11TestTokens.library(),
                        rotation.slot(),
                        Pkcs11TestTokens.config(rotation).pin())
                .createKey("custody-voice-v2");

        try (Pkcs11KeyProvider reopened = Pkcs11KeyProvider.open(Pkcs11TestTokens.config(rotation))) {
            KekId v2 = reopened.activeKek(KeyPurpose.VOICE);
            assertThat(v2).hasToString("pkcs11://custody-voice;v=2");
            assertThat(reopened.unwrap(v1, before, AAD)).isEqualTo(plaintext);
            assertThat(reopened.unwrap(v2, reopened.wrap(v2, plaintext, AAD), AAD))
                    .isEqualTo(plaintext);
            assertThatThrownBy(() -> reopened.unwrap(v2, before, AAD))
                    .isInstanceOfSatisfying(
                            CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_FAILURE));
            assertThatThrownBy(() -> reopened.wrap(v1, plaintext, AAD))
                    .isInstanceOfSatisfying(
                            CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        }
    }

    @Test
    void contributorKeys_withTheTokenHoldingTheKek_roundTripAClip() throws IOException {
        ContributorKeys keys = new ContributorKeys(provider);
        Pseudonym ada = Pseudonym.random();
        ClipId clip = ClipId.random();
        byte[] audio = new byte[300_000];
        new Random(11).nextBytes(audio);

        WrappedKey dek = keys.newVoiceKey(ada);
        byte[] sealed = ClipCipherTest.encrypt(keys.clipCipher(dek, ada), clip, ada, audio);
        byte[] opened = ClipCipherTest.decrypt(keys.clipCipher(dek, ada), sealed, clip, ada, audio.length);

        assertThat(dek.kek()).isEqualTo(provider.activeKek(KeyPurpose.VOICE));
        assertThat(Arrays.equals(opened, audio)).isTrue();
        assertThatThrownBy(() -> keys.clipCipher(dek, Pseudonym.random()))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_FAILURE));
    }

    @Test
    void rotate_createsTheNextTokenObject_andDestroyDeletesItFromTheToken() {
        KekId old = provider.activeKek(KeyPurpose.VOICE);
        String oldLabel = "custody-voice-v" + old.version();
        KekId next = provider.rotate(KeyPurpose.VOICE);
        String nextLabel = "custody-voice-v" + next.version();
        assertThat(secretKeys(token)).containsKeys(oldLabel, nextLabel);

        provider.destroy(old);

        Map<String, String> objects = secretKeys(token);
        assertThat(objects).containsKey(nextLabel).doesNotContainKey(oldLabel);
        assertThat(field(objects.get(nextLabel), "Access")).contains("never extractable");
    }

    @Test
    void destroy_seenByAProviderOpenedAfterwards_isStillRecognizedAsDestroyed() {
        KekId old = provider.activeKek(KeyPurpose.IDENTITY);
        provider.rotate(KeyPurpose.IDENTITY);
        provider.destroy(old);

        try (Pkcs11KeyProvider reopened = Pkcs11KeyProvider.open(Pkcs11TestTokens.config(token))) {
            assertThat(reopened.versions(KeyPurpose.IDENTITY)).doesNotContain(old);
            assertThatThrownBy(() -> reopened.destroy(old))
                    .isInstanceOfSatisfying(
                            CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
                    .hasMessageContaining("already destroyed");
        }
    }

    @Test
    void close_refusesFurtherUse() {
        KekId voice = provider.activeKek(KeyPurpose.VOICE);

        provider.close();

        assertThatThrownBy(() -> provider.wrap(voice, new byte[1], AAD)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> provider.unwrap(voice, new byte[40], AAD)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> provider.activeKek(KeyPurpose.VOICE)).isInstanceOf(IllegalStateException.class);
    }

    /** The secret keys pkcs11-tool lists in the token, by label, each as the text it printed. */
    static Map<String, String> secretKeys(Token token) {
        String listing = Pkcs11TestTokens.run(
                "pkcs11-tool",
                "--module",
                Pkcs11TestTokens.library().toString(),
                "--slot",
                Integer.toString(token.slot()),
                "--login",
                "--pin",
                Pkcs11TestTokens.PIN,
                "--list-objects",
                "--type",
                "secrkey");
        Map<String, String> objects = new HashMap<>();
        for (String object : listing.split("Secret Key Object")) {
            List<String> label = field(object, "label");
            if (!label.isEmpty() || object.contains("Access:")) {
                objects.put(String.join(", ", label), object);
            }
        }
        return objects;
    }

    /** The comma-separated values of one "name: a, b" line of pkcs11-tool's listing. */
    private static List<String> field(String object, String name) {
        return object.lines()
                .map(String::strip)
                .filter(line -> line.startsWith(name + ":"))
                .flatMap(line -> Arrays.stream(line.substring(name.length() + 1).split(",")))
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .toList();
    }
}
