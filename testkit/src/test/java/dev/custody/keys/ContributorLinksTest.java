package dev.custody.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.access.AccountId;
import dev.custody.access.ContributorLinks;
import dev.custody.contributor.Pseudonym;
import dev.custody.testkit.TestArgon2;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContributorLinksTest {
    @TempDir
    Path folder;

    private LocalKeyring keyring;
    private ContributorLinks links;
    private final AccountId account = AccountId.random();
    private final Pseudonym ada = Pseudonym.random();

    @BeforeEach
    void createKeyring() {
        keyring = LocalKeyring.create(
                folder.resolve("custody.keyring"), LocalKeyringTest.passphrase(), TestArgon2.parameters());
        links = new ContributorLinks(keyring);
    }

    @AfterEach
    void closeKeyring() {
        keyring.close();
    }

    @Test
    void open_returnsTheSealedPseudonym_whichTheLinkDoesNotShow() {
        WrappedKey link = links.seal(account, ada);

        assertThat(links.open(account, link)).isEqualTo(ada);
        assertThat(link.kek()).isEqualTo(keyring.activeKek(KeyPurpose.IDENTITY));
        assertThat(new String(link.ciphertext().toArray(), StandardCharsets.ISO_8859_1))
                .doesNotContain(ada.value());
    }

    @Test
    void open_forAnotherAccount_orTampered_failsWithIntegrityFailure() {
        WrappedKey link = links.seal(account, ada);
        byte[] flipped = link.ciphertext().toArray();
        flipped[flipped.length - 1] ^= 1;

        assertIntegrityFailure(() -> links.open(AccountId.random(), link));
        assertIntegrityFailure(
                () -> links.open(account, new WrappedKey(link.kek(), dev.custody.Bytes.copyOf(flipped))));
    }

    @Test
    void rewrap_movesTheLinkToTheActiveVersion() {
        WrappedKey link = links.seal(account, ada);
        keyring.rotate(KeyPurpose.IDENTITY);

        WrappedKey moved = links.rewrap(account, link);

        assertThat(moved.kek())
                .isEqualTo(keyring.activeKek(KeyPurpose.IDENTITY))
                .isNotEqualTo(link.kek());
        assertThat(links.open(account, moved)).isEqualTo(ada);
    }

    private static void assertIntegrityFailure(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_FAILURE));
    }
}
