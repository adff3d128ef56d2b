package dev.custody.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.contributor.Identity;
import dev.custody.contributor.Pseudonym;
import dev.custody.contributor.SealedIdentity;
import dev.custody.testkit.TestArgon2;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityCipherTest {
    @TempDir
    Path folder;

    private LocalKeyring keyring;
    private IdentityCipher cipher;
    private final Pseudonym ada = Pseudonym.random();
    private final Pseudonym grace = Pseudonym.random();
    private final Identity adaIdentity = new Identity("Ada Lovelace", "ada@example.org");
    private final Identity graceIdentity = new Identity("Grace Hopper", "grace@example.org");

    @BeforeEach
    void createKeyring() {
        keyring = LocalKeyring.create(
                folder.resolve("custody.keyring"), LocalKeyringTest.passphrase(), TestArgon2.parameters());
        cipher = new IdentityCipher(keyring);
    }

    @AfterEach
    void closeKeyring() {
        keyring.close();
    }

    @Test
    void open_returnsTheSealedIdentity() {
        SealedIdentity sealed = cipher.seal(ada, adaIdentity);

        assertThat(cipher.open(ada, sealed)).isEqualTo(adaIdentity);
        assertThat(sealed.kek()).isEqualTo(keyring.activeKek(KeyPurpose.IDENTITY));
    }

    @Test
    void seal_hidesTheFields() {
        SealedIdentity sealed = cipher.seal(ada, adaIdentity);

        assertThat(new String(sealed.name().toArray(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("Ada");
        assertThat(new String(sealed.email().toArray(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("example");
    }

    @Test
    void open_asAnotherPerson_failsWithIntegrityFailure() {
        SealedIdentity sealed = cipher.seal(ada, adaIdentity);

        assertIntegrityFailure(() -> cipher.open(grace, sealed));
    }

    @Test
    void open_withFieldsSwappedBetweenPeople_failsWithIntegrityFailure() {
        SealedIdentity adas = cipher.seal(ada, adaIdentity);
        SealedIdentity graces = cipher.seal(grace, graceIdentity);
        SealedIdentity mixed = new SealedIdentity(adas.kek(), adas.name(), graces.email());

        assertIntegrityFailure(() -> cipher.open(ada, mixed));
        assertIntegrityFailure(() -> cipher.open(grace, mixed));
    }

    @Test
    void open_withNameAndEmailSwapped_failsWithIntegrityFailure() {
        SealedIdentity sealed = cipher.seal(ada, new Identity("ada@example.org", "ada@example.org"));
        SealedIdentity swapped = new SealedIdentity(sealed.kek(), sealed.email(), sealed.name());

        assertIntegrityFailure(() -> cipher.open(ada, swapped));
    }

    @Test
    void open_underTheVoiceKek_failsWithIntegrityFailure() {
        SealedIdentity sealed = cipher.seal(ada, adaIdentity);
        SealedIdentity relabelled =
                new SealedIdentity(keyring.activeKek(KeyPurpose.VOICE), sealed.name(), sealed.email());

        assertIntegrityFailure(() -> cipher.open(ada, relabelled));
    }

    private static void assertIntegrityFailure(ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_FAILURE));
    }
}
