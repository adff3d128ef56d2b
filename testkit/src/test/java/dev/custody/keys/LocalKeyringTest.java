package dev.custody.keys;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.testkit.KeyProviderContract;
import dev.custody.testkit.TestArgon2;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKeyringTest extends KeyProviderContract {
    private static final byte[] AAD = "custody/test".getBytes(UTF_8);

    @TempDir
    Path folder;

    private Path file;
    private LocalKeyring keyring;

    @BeforeEach
    void createKeyring() {
        file = folder.resolve("custody.keyring");
        keyring = LocalKeyring.create(file, passphrase(), TestArgon2.parameters());
    }

    @AfterEach
    void closeKeyring() {
        keyring.close();
    }

    @Override
    protected KeyProvider provider() {
        return keyring;
    }

    /** The keyring file's decrypted body, which holds the KEKs in plain. */
    private byte[] body() {
        return KeyringFile.open(KeyringFile.read(file), passphrase());
    }

    static SecretBytes passphrase() {
        return SecretBytes.copyOf("correct horse battery staple".getBytes(UTF_8));
    }

    @Test
    void open_withTheRightPassphrase_unwrapsEarlierCiphertexts() {
        KekId voice = keyring.activeKek(KeyPurpose.VOICE);
        KekId identity = keyring.activeKek(KeyPurpose.IDENTITY);
        byte[] voiceCiphertext = keyring.wrap(voice, "voice key".getBytes(UTF_8), AAD);
        byte[] identityCiphertext = keyring.wrap(identity, "identity".getBytes(UTF_8), AAD);

        try (LocalKeyring reopened = LocalKeyring.open(file, passphrase())) {
            assertThat(reopened.activeKek(KeyPurpose.VOICE)).isEqualTo(voice);
            assertThat(reopened.unwrap(voice, voiceCiphertext, AAD)).isEqualTo("voice key".getBytes(UTF_8));
            assertThat(reopened.unwrap(identity, identityCiphertext, AAD)).isEqualTo("identity".getBytes(UTF_8));
            assertThat(reopened.keyringId()).isEqualTo(keyring.keyringId());
        }
    }

    @Test
    void create_namesKeksLocalVoiceAndLocalIdentityVersionOne() {
        assertThat(keyring.activeKek(KeyPurpose.VOICE)).hasToString("local://voice;v=1");
        assertThat(keyring.activeKek(KeyPurpose.IDENTITY)).hasToString("local://identity;v=1");
    }

    @Test
    void open_withWrongPassphrase_failsAndLeavesFileUntouched() throws IOException {
        byte[] before = Files.readAllBytes(file);
        var modifiedBefore = Files.getLastModifiedTime(file);

        assertThatThrownBy(() -> LocalKeyring.open(file, SecretBytes.copyOf("wrong".getBytes(UTF_8))))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.WRONG_PASSPHRASE))
                .hasMessage("the passphrase does not open this keyring");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modifiedBefore);
    }

    @Test
    void open_missingFile_failsWithKeyringMissingNamingTheFile() {
        Path missing = folder.resolve("absent.keyring");

        assertThatThrownBy(() -> LocalKeyring.open(missing, passphrase()))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.KEYRING_MISSING))
                .hasMessage("no keyring at absent.keyring");
        assertThatThrownBy(() -> LocalKeyring.readKeyringId(missing))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.KEYRING_MISSING));
    }

    @Test
    void create_overAnExistingFile_failsWithConflictAndLeavesItUntouched() throws IOException {
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> LocalKeyring.create(file, passphrase(), TestArgon2.parameters()))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (var entries = Files.list(folder)) {
            assertThat(entries).containsExactly(file);
        }
    }

    @Test
    void create_writesTheFileWithMode0600() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void readKeyringId_withoutThePassphrase_matchesTheKeyring() {
        assertThat(LocalKeyring.readKeyringId(file)).matches("[0-9a-f]{32}").isEqualTo(keyring.keyringId());
    }

    @Test
    void create_twice_givesDifferentKeyringIds() {
        try (LocalKeyring other =
                LocalKeyring.create(folder.resolve("other.keyring"), passphrase(), TestArgon2.parameters())) {
            assertThat(other.keyringId()).isNotEqualTo(keyring.keyringId());
        }
    }

    @Test
    void close_wipesKeysAndRefusesFurtherUse() {
        KekId voice = keyring.activeKek(KeyPurpose.VOICE);
        Signer receipts = keyring.signer(SignerRole.RECEIPTS);

        keyring.close();

        assertThatThrownBy(() -> keyring.wrap(voice, new byte[1], AAD)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> keyring.unwrap(voice, new byte[40], AAD)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> keyring.activeKek(KeyPurpose.VOICE)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> keyring.signer(SignerRole.RECEIPTS)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> receipts.sign(AAD)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rotateAndDestroy_persistInTheFile_andTheDestroyedKeyBytesAreGoneFromIt() {
        KekId old = keyring.activeKek(KeyPurpose.VOICE);
        byte[] underOld = keyring.wrap(old, "voice key".getBytes(UTF_8), AAD);
        KekId next = keyring.rotate(KeyPurpose.VOICE);
        byte[] bodyBefore = body();

        keyring.destroy(old);

        assertThat(PlainKeySearch.holdsKeyThatOpens(bodyBefore, old, underOld, AAD))
                .isTrue();
        assertThat(PlainKeySearch.holdsKeyThatOpens(body(), old, underOld, AAD)).isFalse();
        try (LocalKeyring reopened = LocalKeyring.open(file, passphrase())) {
            assertThat(reopened.activeKek(KeyPurpose.VOICE)).isEqualTo(next).hasToString("local://voice;v=2");
            assertThat(reopened.versions(KeyPurpose.VOICE)).containsExactly(next);
            assertThatThrownBy(() -> reopened.unwrap(old, underOld, AAD))
                    .isInstanceOfSatisfying(
                            CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_FAILURE));
            assertThatThrownBy(() -> reopened.destroy(old))
                    .isInstanceOfSatisfying(
                            CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
                    .hasMessageContaining("already destroyed");
        }
    }

    @Test
    void rotate_afterDestroyingEveryEarlierVersion_neverReusesAVersionNumber() {
        KekId first = keyring.activeKek(KeyPurpose.IDENTITY);
        keyring.rotate(KeyPurpose.IDENTITY);
        keyring.destroy(first);

        KekId third = keyring.rotate(KeyPurpose.IDENTITY);

        assertThat(third).hasToString("local://identity;v=3");
    }

    @Test
    void rotate_keepsTheFileMode0600AndTheKeyringId() throws IOException {
        String id = keyring.keyringId();

        keyring.rotate(KeyPurpose.VOICE);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(LocalKeyring.readKeyringId(file)).isEqualTo(id);
        try (var entries = Files.list(folder)) {
            assertThat(entries).containsExactly(file);
        }
    }

    @Test
    void wrap_underAKekTheKeyringDoesNotHold_failsWithNotFound() {
        KekId unknown = KekId.parse("local://voice;v=9");

        assertThatThrownBy(() -> keyring.wrap(unknown, new byte[1], AAD))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }
}
